package io.openvod.app.auth.jwt;

import io.openvod.app.testing.MutableClock;
import static io.openvod.app.auth.jwt.JwtMinter.AUDIENCE;
import static io.openvod.app.auth.jwt.JwtMinter.ISSUER;
import static io.openvod.app.auth.jwt.JwtMinter.NOW;
import static io.openvod.app.auth.jwt.JwtMinter.claims;
import static io.openvod.app.auth.jwt.JwtMinter.header;
import static io.openvod.app.auth.jwt.JwtMinter.mint;
import static io.openvod.app.auth.jwt.JwtTestKeys.EC;
import static io.openvod.app.auth.jwt.JwtTestKeys.EC_2;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA_2;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.AppError;
import io.openvod.app.auth.jwt.JwtResult.Reason;
import io.openvod.core.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Structure, header and signatures, with HS256 and a JWKS both configured. */
class JwtVerifierTest {
    private JwksTestServer server;
    private HttpJwksSource source;
    private JwtVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        server = new JwksTestServer().serve(JwtTestKeys.jwks(
                JwtTestKeys.rsaJwk(RSA, "rsa-1", ""), JwtTestKeys.ecJwk(EC, "ec-1", "")));
        MutableClock clock = new MutableClock(NOW);
        JwtConfig config = new JwtConfig(Optional.of(Secret.of(JwtMinter.HS_SECRET)), Optional.of(server.uri()),
                ISSUER, AUDIENCE, null, null, null, null, null);
        source = HttpJwksSource.create(config, clock);
        verifier = new JwtVerifier(config, clock, source);
    }

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    static Reason reasonOf(JwtResult result) {
        assertThat(result).isInstanceOf(JwtResult.Invalid.class);
        return ((JwtResult.Invalid) result).reason();
    }

    @Test
    void verifyShouldAcceptValidHs256Token() {
        JwtResult result = verifier.verify(JwtMinter.hs256(claims()));
        assertThat(result).isInstanceOf(JwtResult.Valid.class);
        assertThat(((JwtResult.Valid) result).claims().subject()).isEqualTo("alice");
    }

    @Test
    void verifyShouldAcceptValidRs256Token() {
        assertThat(verifier.verify(JwtMinter.rs256("rsa-1", RSA.getPrivate(), claims())).isValid()).isTrue();
    }

    @Test
    void verifyShouldAcceptValidEs256Token() {
        assertThat(verifier.verify(JwtMinter.es256("ec-1", EC.getPrivate(), claims())).isValid()).isTrue();
    }

    @Test
    void verifyShouldAcceptTokensWithoutKidByTryingEveryKeyOfTheAlgorithm() {
        assertThat(verifier.verify(JwtMinter.rs256(null, RSA.getPrivate(), claims())).isValid()).isTrue();
        assertThat(verifier.verify(JwtMinter.es256(null, EC.getPrivate(), claims())).isValid()).isTrue();
    }

    @Test
    void verifyShouldRejectFlippedSignatureByte() {
        assertThat(reasonOf(verifier.verify(JwtMinter.flipSignatureByte(JwtMinter.hs256(claims())))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(verifier.verify(JwtMinter.flipSignatureByte(JwtMinter.rs256("rsa-1", RSA.getPrivate(), claims())))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(verifier.verify(JwtMinter.flipSignatureByte(JwtMinter.es256("ec-1", EC.getPrivate(), claims())))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyShouldRejectTokensSignedWithAnotherKey() {
        String otherSecret = mint(header("HS256", null), claims(),
                JwtMinter.hmac("another-secret-that-is-32-bytes-long".getBytes(StandardCharsets.UTF_8)));
        assertThat(reasonOf(verifier.verify(otherSecret))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(verifier.verify(JwtMinter.rs256("rsa-1", RSA_2.getPrivate(), claims()))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(verifier.verify(JwtMinter.es256("ec-1", EC_2.getPrivate(), claims()))))
                .isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(verifier.verify(JwtMinter.es256(null, EC_2.getPrivate(), claims()))))
                .isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyShouldRejectTamperedPayload() {
        String token = JwtMinter.rs256("rsa-1", RSA.getPrivate(), claims());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + JwtMinter.b64(claims(",\"role\":\"admin\"")) + "." + parts[2];
        assertThat(reasonOf(verifier.verify(tampered))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyShouldRejectDerEncodedEs256Signature() {
        String token = mint(header("ES256", "ec-1"), claims(), JwtMinter.sign("SHA256withECDSA", EC.getPrivate()));
        assertThat(reasonOf(verifier.verify(token))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyShouldRejectAlgNoneWithAndWithoutSignature() {
        String unsigned = JwtMinter.b64("{\"alg\":\"none\"}") + "." + JwtMinter.b64(claims()) + ".";
        assertThat(reasonOf(verifier.verify(unsigned))).isEqualTo(Reason.MALFORMED);
        String withSignature = mint("{\"alg\":\"none\"}", claims(), input -> new byte[] {1, 2, 3});
        assertThat(reasonOf(verifier.verify(withSignature))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        String upperCase = mint("{\"alg\":\"NONE\"}", claims(), input -> new byte[] {1, 2, 3});
        assertThat(reasonOf(verifier.verify(upperCase))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "HS512", "RS384", "RS512", "PS256", "ES384", "ES512", "EdDSA", "hs256", "rs256", ""})
    void verifyShouldRejectOtherAlgorithms(String alg) {
        String token = mint(header(alg, "rsa-1"), claims(), JwtMinter.hmac(JwtMinter.HS_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(reasonOf(verifier.verify(token))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void verifyShouldRejectHs256SignedWithThePublicKeyWhenOnlyJwksIsConfigured() {
        JwtConfig jwksOnly = JwtConfig.jwks(server.uri(), ISSUER, AUDIENCE);
        JwtVerifier onlyJwks = new JwtVerifier(jwksOnly, new MutableClock(NOW), source);
        byte[] publicKeyBytes = RSA.getPublic().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKeyBytes)
                + "\n-----END PUBLIC KEY-----\n";
        for (byte[] secret : new byte[][] {publicKeyBytes, pem.getBytes(StandardCharsets.US_ASCII)}) {
            String confused = mint(header("HS256", "rsa-1"), claims(), JwtMinter.hmac(secret));
            JwtResult result = onlyJwks.verify(confused);
            assertThat(reasonOf(result)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
            // With a shared secret configured as well, the HMAC key is that secret and nothing else.
            assertThat(reasonOf(verifier.verify(confused))).isEqualTo(Reason.BAD_SIGNATURE);
        }
    }

    @Test
    void verifyShouldRejectRs256WhenOnlyHs256IsConfigured() {
        JwtVerifier hsOnly = new JwtVerifier(JwtConfig.hs256(Secret.of(JwtMinter.HS_SECRET), ISSUER, AUDIENCE),
                new MutableClock(NOW), JwksSource.none());
        assertThat(reasonOf(hsOnly.verify(JwtMinter.rs256("rsa-1", RSA.getPrivate(), claims()))))
                .isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(hsOnly.verify(JwtMinter.hs256(claims())).isValid()).isTrue();
        assertThat(server.requests()).isZero();
    }

    @Test
    void verifyShouldRejectRs256TokenNamingAnEcKey() {
        String token = JwtMinter.rs256("ec-1", RSA.getPrivate(), claims());
        assertThat(reasonOf(verifier.verify(token))).isEqualTo(Reason.KEY_ALGORITHM_MISMATCH);
        String es = JwtMinter.es256("rsa-1", EC.getPrivate(), claims());
        assertThat(reasonOf(verifier.verify(es))).isEqualTo(Reason.KEY_ALGORITHM_MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"JWT", "jwt", "application/jwt", "at+jwt", "application/AT+JWT"})
    void verifyShouldAcceptJwtTypes(String typ) {
        String token = mint("{\"alg\":\"HS256\",\"typ\":\"" + typ + "\"}", claims(),
                JwtMinter.hmac(JwtMinter.HS_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(verifier.verify(token).isValid()).isTrue();
    }

    @Test
    void verifyShouldRejectOtherTypesAndCriticalHeaders() {
        var hmac = JwtMinter.hmac(JwtMinter.HS_SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(reasonOf(verifier.verify(mint("{\"alg\":\"HS256\",\"typ\":\"JOSE\"}", claims(), hmac))))
                .isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(reasonOf(verifier.verify(mint("{\"alg\":\"HS256\",\"typ\":\"logout+jwt\"}", claims(), hmac))))
                .isEqualTo(Reason.UNSUPPORTED_TYPE);
        assertThat(reasonOf(verifier.verify(mint("{\"alg\":\"HS256\",\"crit\":[\"b64\"],\"b64\":false}", claims(), hmac))))
                .isEqualTo(Reason.CRITICAL_HEADER);
        assertThat(reasonOf(verifier.verify(mint("{\"alg\":\"HS256\",\"alg\":\"none\"}", claims(), hmac))))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(mint("{\"alg\":256}", claims(), hmac)))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(verifier.verify(mint("{\"typ\":\"JWT\"}", claims(), hmac)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void everyReasonButExpiryShouldMapToInvalidToken() {
        for (Reason reason : Reason.values()) {
            assertThat(reason.error()).isEqualTo(reason == Reason.EXPIRED ? AppError.TOKEN_EXPIRED : AppError.INVALID_TOKEN);
            assertThat(reason.summary()).isNotBlank();
        }
    }
}
