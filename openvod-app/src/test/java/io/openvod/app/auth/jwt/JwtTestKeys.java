package io.openvod.app.auth.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Key pairs made once per test run, and their JWK form. */
final class JwtTestKeys {
    static final KeyPair RSA = rsa(2048);
    static final KeyPair RSA_2 = rsa(2048);
    static final KeyPair EC = ec("secp256r1");
    static final KeyPair EC_2 = ec("secp256r1");

    private JwtTestKeys() {
    }

    static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair ec(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RSA JWK; {@code extra} is inserted as further members, e.g. {@code "alg":"RS256"}. */
    static String rsaJwk(KeyPair pair, String kid, String extra) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\"" + kidMember(kid) + ",\"n\":\"" + b64(unsigned(key.getModulus()))
                + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\"" + extra + "}";
    }

    /** A P-256 EC JWK; {@code extra} is inserted as further members. */
    static String ecJwk(KeyPair pair, String kid, String extra) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return ecJwk(kid, key.getW().getAffineX(), key.getW().getAffineY(), "P-256", 32, extra);
    }

    static String ecJwk(String kid, BigInteger x, BigInteger y, String crv, int size, String extra) {
        return "{\"kty\":\"EC\"" + kidMember(kid) + ",\"crv\":\"" + crv + "\",\"x\":\"" + b64(fixed(x, size))
                + "\",\"y\":\"" + b64(fixed(y, size)) + "\"" + extra + "}";
    }

    static String jwks(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String kidMember(String kid) {
        return kid == null ? "" : ",\"kid\":\"" + kid + "\"";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static byte[] fixed(BigInteger value, int size) {
        byte[] bytes = unsigned(value);
        byte[] out = new byte[size];
        System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
        return out;
    }
}
