package io.openvod.app.auth.jwt;

import io.openvod.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Makes compact JWTs for tests: base64url header and payload, signed with JDK algorithms. */
final class JwtMinter {
    static final String HS_SECRET = "a-shared-secret-of-at-least-32-bytes!";
    static final String ISSUER = "https://idp.example.com/";
    static final String AUDIENCE = "openvod-app";
    /** 2025-01-01T00:00:00Z, the "now" of most tests. */
    static final long NOW = 1_735_689_600L;

    static {
        TestSecrets.rememberConstants(JwtMinter.class);
    }

    private JwtMinter() {
    }

    /** Signs {@code header.payload} (both JSON text) with the signer. */
    static String mint(String headerJson, String payloadJson, UnaryOperator<byte[]> signer) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + JwtTestKeys.b64(signer.apply(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** A header with {@code alg} and, unless null, {@code kid}. */
    static String header(String alg, String kid) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"") + "}";
    }

    /** Claims that pass every check at {@link #NOW}: the right iss and aud, sub alice, one hour left. */
    static String claims() {
        return claims("");
    }

    /** {@link #claims()} with further members, e.g. {@code ,"role":"pro"}; a later duplicate is not allowed. */
    static String claims(String extra) {
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"alice\",\"iat\":" + NOW
                + ",\"exp\":" + (NOW + 3600) + extra + "}";
    }

    static String hs256(String payloadJson) {
        return mint(header("HS256", null), payloadJson, hmac(HS_SECRET.getBytes(StandardCharsets.UTF_8)));
    }

    static String rs256(String kid, PrivateKey key, String payloadJson) {
        return mint(header("RS256", kid), payloadJson, sign("SHA256withRSA", key));
    }

    static String es256(String kid, PrivateKey key, String payloadJson) {
        return mint(header("ES256", kid), payloadJson, sign("SHA256withECDSAinP1363Format", key));
    }

    static UnaryOperator<byte[]> hmac(byte[] key) {
        return input -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(input);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static UnaryOperator<byte[]> sign(String algorithm, PrivateKey key) {
        return input -> {
            try {
                Signature signature = Signature.getInstance(algorithm);
                signature.initSign(key);
                signature.update(input);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static String b64(String text) {
        return JwtTestKeys.b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The token with one byte of its signature changed. */
    static String flipSignatureByte(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + JwtTestKeys.b64(signature);
    }
}
