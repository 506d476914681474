package io.openvod.signature.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The few hash and MAC primitives the signature schemes share. Every algorithm used here is
 * mandatory in every Java SE implementation, so a failure to obtain one is a broken JDK and is
 * reported as an {@link IllegalStateException}.
 */
public final class Crypto {
    private static final HexFormat HEX = HexFormat.of();

    private Crypto() {
    }

    public static byte[] hmacSha1(byte[] key, byte[] message) {
        return hmac("HmacSHA1", key, message);
    }

    public static byte[] hmacSha256(byte[] key, byte[] message) {
        return hmac("HmacSHA256", key, message);
    }

    public static byte[] sha1(byte[] message) {
        return digest("SHA-1", message);
    }

    public static byte[] sha256(byte[] message) {
        return digest("SHA-256", message);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Compares in time that depends only on the lengths, never on where the inputs differ. */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /** Constant-time comparison of two ASCII strings such as hex signatures. */
    public static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(utf8(a), utf8(b));
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // An empty key is legal for HMAC but not for SecretKeySpec; the MAC of an empty key
            // equals the MAC of a single zero byte key padded to the block size.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }

    private static byte[] digest(String algorithm, byte[] message) {
        try {
            return MessageDigest.getInstance(algorithm).digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is not available in this JDK", e);
        }
    }
}
