package io.openvod.server.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.testing.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints JWTs for tests, as an identity provider would. */
final class TestJwts {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    static ObjectNode claims(String sub, String iss, String aud, long exp) {
        return AppFixture.JSON.createObjectNode().put("sub", sub).put("iss", iss).put("aud", aud).put("exp", exp);
    }

    static String hs256(ObjectNode claims, String secret) throws Exception {
        String input = part(AppFixture.JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT")) + "." + part(claims);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestSecrets.remember(secret).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return TestSecrets.remember(input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))));
    }

    static String rs256(ObjectNode claims, KeyPair keys, String kid) throws Exception {
        String input = part(AppFixture.JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid)) + "." + part(claims);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(keys.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    static String jwks(RSAPublicKey key, String kid) {
        ObjectNode jwk = AppFixture.JSON.createObjectNode().put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", "RS256")
                .put("n", B64.encodeToString(unsigned(key.getModulus().toByteArray())))
                .put("e", B64.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
        ObjectNode root = AppFixture.JSON.createObjectNode();
        root.putArray("keys").add(jwk);
        return root.toString();
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static String part(ObjectNode json) {
        return B64.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
