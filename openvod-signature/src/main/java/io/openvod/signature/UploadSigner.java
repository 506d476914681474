package io.openvod.signature;

import io.openvod.signature.internal.Crypto;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs client-upload signatures as Tencent VOD defines them:
 * {@code Base64(HMAC-SHA1(secretKey, original) || original)}, where {@code original} is the
 * query string of the parameters ({@link SignatureParameters#toOrderedMap()}, encoded by
 * {@link QueryString}).
 */
public final class UploadSigner {
    private UploadSigner() {
    }

    /** The plaintext that the signature carries and the MAC covers. */
    public static String original(SignatureParameters parameters) {
        return QueryString.stringify(parameters.toOrderedMap());
    }

    /**
     * Signs the parameters with the secret key that belongs to {@code parameters.secretId()}.
     *
     * @return the signature string, standard Base64 with padding and no line breaks
     */
    public static String sign(SignatureParameters parameters, String secretKey) {
        Objects.requireNonNull(parameters, "parameters == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        return sign(original(parameters), secretKey);
    }

    /** Signs a ready-made {@code original}; used to reproduce third-party signatures byte for byte. */
    public static String sign(String original, String secretKey) {
        byte[] message = Crypto.utf8(original);
        byte[] mac = Crypto.hmacSha1(Crypto.utf8(secretKey), message);
        byte[] out = new byte[mac.length + message.length];
        System.arraycopy(mac, 0, out, 0, mac.length);
        System.arraycopy(message, 0, out, mac.length, message.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
