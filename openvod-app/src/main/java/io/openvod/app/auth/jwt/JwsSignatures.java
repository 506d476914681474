package io.openvod.app.auth.jwt;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The three JWS signature checks, on JDK providers only. Each answers false rather than throwing. */
final class JwsSignatures {
    private static final int HS256_BYTES = 32;

    private JwsSignatures() {
    }

    /** HMAC-SHA256 of the signing input under the key, compared in constant time. */
    static boolean hs256(SecretKeySpec key, byte[] signingInput, byte[] signature) {
        if (signature.length != HS256_BYTES) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
        } catch (InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks HmacSHA256", e);
        }
    }

    /** Verifies an RS256 or ES256 signature with a JWKS key, according to the key's algorithm. */
    static boolean verify(Jwk jwk, byte[] signingInput, byte[] signature) {
        return switch (jwk.algorithm()) {
            case RS256 -> rs256((RSAPublicKey) jwk.key(), signingInput, signature);
            case ES256 -> es256(jwk.key(), signingInput, signature);
            case HS256 -> false;
        };
    }

    /** RSASSA-PKCS1-v1_5 with SHA-256; the signature must be exactly as long as the modulus. */
    static boolean rs256(RSAPublicKey key, byte[] signingInput, byte[] signature) {
        if (signature.length != (key.getModulus().bitLength() + 7) / 8) {
            return false;
        }
        return check("SHA256withRSA", key, signingInput, signature);
    }

    /** ECDSA P-256 with SHA-256 over the raw 64-byte R||S, with R and S in [1, n-1]. */
    static boolean es256(PublicKey key, byte[] signingInput, byte[] signature) {
        if (!P256.isValidSignatureRange(signature)) {
            return false;
        }
        return check("SHA256withECDSAinP1363Format", key, signingInput, signature);
    }

    private static boolean check(String algorithm, PublicKey key, byte[] signingInput, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (SignatureException | InvalidKeyException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + algorithm, e);
        }
    }
}
