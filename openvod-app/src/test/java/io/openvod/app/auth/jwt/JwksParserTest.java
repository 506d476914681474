package io.openvod.app.auth.jwt;

import static io.openvod.app.auth.jwt.JwtTestKeys.EC;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA;
import static io.openvod.app.auth.jwt.JwtTestKeys.ecJwk;
import static io.openvod.app.auth.jwt.JwtTestKeys.jwks;
import static io.openvod.app.auth.jwt.JwtTestKeys.rsaJwk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which JWK set entries become keys, and which are skipped. */
class JwksParserTest {

    private static JwksParser.Parsed parse(String json) throws IOException {
        return JwksParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parseShouldReadRsaAndP256Keys() throws IOException {
        JwksParser.Parsed parsed = parse(jwks(rsaJwk(RSA, "r", ",\"alg\":\"RS256\",\"use\":\"sig\""), ecJwk(EC, "e", ",\"alg\":\"ES256\"")));
        assertThat(parsed.skipped()).isEmpty();
        assertThat(parsed.set().keys()).extracting(Jwk::kid, Jwk::algorithm).containsExactly(
                tuple(Optional.of("r"), JwtAlgorithm.RS256),
                tuple(Optional.of("e"), JwtAlgorithm.ES256));
        assertThat(parsed.set().keys().get(0).key()).isEqualTo(RSA.getPublic());
        assertThat(parsed.set().keys().get(1).key()).isEqualTo(EC.getPublic());
    }

    @Test
    void parseShouldSkipUnsupportedKeysWithoutFailing() throws IOException {
        KeyPair p384 = JwtTestKeys.ec("secp384r1");
        ECPublicKey p384Key = (ECPublicKey) p384.getPublic();
        JwksParser.Parsed parsed = parse(jwks(
                "{\"kty\":\"oct\",\"kid\":\"hmac\",\"k\":\"c2VjcmV0LXNlY3JldC1zZWNyZXQ\"}",
                ecJwk("p384", p384Key.getW().getAffineX(), p384Key.getW().getAffineY(), "P-384", 48, ""),
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}",
                rsaJwk(RSA, "enc", ",\"use\":\"enc\""),
                ecJwk(EC, "es384", ",\"alg\":\"ES384\""),
                "42",
                rsaJwk(RSA, "good", "")));
        assertThat(parsed.set().keys()).extracting(Jwk::kid).containsExactly(Optional.of("good"));
        assertThat(parsed.skipped()).hasSize(6).noneMatch(JwksParser.Skipped::suspicious);
        assertThat(parsed.skipped().get(0).description()).contains("hmac").contains("oct").doesNotContain("c2VjcmV0");
    }

    @Test
    void parseShouldSkipWeakOrBrokenKeysAsSuspicious() throws IOException {
        BigInteger x = ((ECPublicKey) EC.getPublic()).getW().getAffineX();
        BigInteger y = ((ECPublicKey) EC.getPublic()).getW().getAffineY();
        JwksParser.Parsed parsed = parse(jwks(
                rsaJwk(JwtTestKeys.rsa(1024), "weak", ""),
                ecJwk("off-curve", x, y.add(BigInteger.ONE), "P-256", 32, ""),
                "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AAAA\",\"y\":\"AAAA\"}",
                "{\"kty\":\"RSA\",\"n\":\"!!\",\"e\":\"AQAB\"}",
                "{\"kty\":\"RSA\",\"e\":\"AQAB\"}",
                "{\"kty\":\"RSA\",\"kid\":7,\"n\":\"AQAB\",\"e\":\"AQAB\"}",
                "{\"n\":\"AQAB\"}"));
        assertThat(parsed.set().isEmpty()).isTrue();
        assertThat(parsed.skipped()).hasSize(7).allMatch(JwksParser.Skipped::suspicious);
        assertThat(parsed.skipped().get(0).description()).contains("2048");
        assertThat(parsed.skipped().get(1).description()).contains("not on P-256");
    }

    @Test
    void parseShouldRejectDocumentsThatAreNotKeySets() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"keys\":{}}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("<html>")).isInstanceOf(IOException.class);
    }

    @Test
    void jwkShouldRefuseKeysThatDoNotFitItsAlgorithm() {
        assertThatThrownBy(() -> new Jwk(Optional.empty(), JwtAlgorithm.RS256, EC.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Jwk(Optional.empty(), JwtAlgorithm.ES256, RSA.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Jwk(Optional.empty(), JwtAlgorithm.ES256, JwtTestKeys.ec("secp384r1").getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Jwk(Optional.empty(), JwtAlgorithm.HS256, RSA.getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
