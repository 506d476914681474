package io.openvod.app.auth.jwt;

import io.openvod.app.testing.MutableClock;
import static io.openvod.app.auth.jwt.JwtMinter.AUDIENCE;
import static io.openvod.app.auth.jwt.JwtMinter.ISSUER;
import static io.openvod.app.auth.jwt.JwtMinter.NOW;
import static io.openvod.app.auth.jwt.JwtMinter.claims;
import static io.openvod.app.auth.jwt.JwtTestKeys.EC;
import static io.openvod.app.auth.jwt.JwtTestKeys.EC_2;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA_2;
import static io.openvod.app.auth.jwt.JwtTestKeys.ecJwk;
import static io.openvod.app.auth.jwt.JwtTestKeys.jwks;
import static io.openvod.app.auth.jwt.JwtTestKeys.rsaJwk;
import static io.openvod.app.auth.jwt.JwtVerifierTest.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.auth.jwt.JwtResult.Reason;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key selection, rotation and refresh limits with RS256/ES256 tokens and a live JWKS endpoint. */
class JwtVerifierJwksTest {
    private JwksTestServer server;
    private MutableClock clock;
    private HttpJwksSource source;
    private JwtVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        server = new JwksTestServer().serve(jwks(rsaJwk(RSA, "rsa-1", ",\"use\":\"sig\",\"alg\":\"RS256\""), ecJwk(EC, "ec-1", "")));
        clock = new MutableClock(NOW);
        JwtConfig config = JwtConfig.jwks(server.uri(), ISSUER, AUDIENCE);
        source = HttpJwksSource.create(config, clock);
        verifier = new JwtVerifier(config, clock, source);
    }

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    /** An RS256 token whose exp is an hour after the clock's now, so that moving the clock keeps it valid. */
    private String rs256(String kid, KeyPair pair) {
        long now = clock.instant().getEpochSecond();
        return JwtMinter.rs256(kid, pair.getPrivate(), claims().replace(String.valueOf(NOW + 3600), String.valueOf(now + 3600)));
    }

    @Test
    void verifyShouldFetchTheKeySetOnceAndCacheIt() {
        for (int i = 0; i < 5; i++) {
            assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        }
        assertThat(server.requests()).isEqualTo(1);
        clock.advance(JwtConfig.DEFAULT_JWKS_CACHE_TTL.plusSeconds(1));
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void verifyShouldPickUpARotatedKeyWithOneRefresh() {
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        server.serve(jwks(rsaJwk(RSA, "rsa-1", ""), rsaJwk(RSA_2, "rsa-2", "")));
        clock.advance(Duration.ofSeconds(31));
        JwtResult rotated = verifier.verify(rs256("rsa-2", RSA_2));
        assertThat(rotated.isValid()).as(rotated.toString()).isTrue();
        assertThat(server.requests()).isEqualTo(2);
        assertThat(verifier.verify(rs256("rsa-2", RSA_2)).isValid()).isTrue();
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void verifyShouldRejectUnknownKidAfterTheRefresh() {
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(reasonOf(verifier.verify(rs256("nobody", RSA_2)))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void verifyShouldNotRefetchMoreThanOncePer30SecondsWhenKidsAreSprayed() {
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        assertThat(server.requests()).isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            assertThat(reasonOf(verifier.verify(rs256("sprayed-" + i, RSA_2)))).isEqualTo(Reason.UNKNOWN_KEY);
        }
        assertThat(server.requests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) {
            verifier.verify(rs256("sprayed-again-" + i, RSA_2));
            verifier.verify(JwtMinter.es256(null, EC_2.getPrivate(), claims()));
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(server.requests()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(20));
        verifier.verify(rs256("one-more", RSA_2));
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void verifyShouldKeepUsingTheLastGoodKeysWhenTheServerIsDown() {
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        server.close();
        clock.advance(JwtConfig.DEFAULT_JWKS_CACHE_TTL.plusSeconds(1));
        JwtResult afterTtl = verifier.verify(rs256("rsa-1", RSA));
        assertThat(afterTtl.isValid()).as(afterTtl.toString()).isTrue();
        clock.advance(Duration.ofSeconds(31));
        assertThat(reasonOf(verifier.verify(rs256("rotated", RSA_2)))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
    }

    @Test
    void verifyShouldKeepUsingTheLastGoodKeysWhenTheServerAnswersGarbage() {
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        server.answer(500, "oops".getBytes(StandardCharsets.UTF_8), null);
        clock.advance(JwtConfig.DEFAULT_JWKS_CACHE_TTL.plusSeconds(1));
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        server.serve("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}");
        clock.advance(Duration.ofSeconds(31));
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void verifyShouldReportUnavailableKeysWhenNoSetWasEverFetched() {
        server.answer(503, new byte[0], null);
        assertThat(reasonOf(verifier.verify(rs256("rsa-1", RSA)))).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(reasonOf(verifier.verify(rs256("rsa-1", RSA)))).isEqualTo(Reason.KEYS_UNAVAILABLE);
        assertThat(server.requests()).isEqualTo(1);
        server.serve(jwks(rsaJwk(RSA, "rsa-1", "")));
        clock.advance(Duration.ofSeconds(30));
        assertThat(verifier.verify(rs256("rsa-1", RSA)).isValid()).isTrue();
    }

    @Test
    void verifyShouldNotUseKeysWhoseUseOrAlgForbidsIt() {
        server.serve(jwks(rsaJwk(RSA, "enc", ",\"use\":\"enc\""), rsaJwk(RSA, "ps", ",\"alg\":\"PS256\""),
                rsaJwk(RSA, "ops", ",\"key_ops\":[\"encrypt\"]"), rsaJwk(RSA_2, "ok", ",\"key_ops\":[\"verify\"]")));
        assertThat(reasonOf(verifier.verify(rs256("enc", RSA)))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reasonOf(verifier.verify(rs256("ps", RSA)))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reasonOf(verifier.verify(rs256("ops", RSA)))).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reasonOf(verifier.verify(rs256(null, RSA)))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(verifier.verify(rs256("ok", RSA_2)).isValid()).isTrue();
    }

    @Test
    void verifyShouldRejectKidlessTokenWhenTheSetHasNoKeyForItsAlgorithm() {
        server.serve(jwks(ecJwk(EC, "ec-1", "")));
        assertThat(reasonOf(verifier.verify(rs256(null, RSA)))).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void verifyShouldPickUpARotatedKeyForKidlessTokens() {
        server.serve(jwks(ecJwk(EC, null, "")));
        assertThat(verifier.verify(JwtMinter.es256(null, EC.getPrivate(), claims())).isValid()).isTrue();
        server.serve(jwks(ecJwk(EC_2, null, "")));
        clock.advance(Duration.ofSeconds(31));
        assertThat(verifier.verify(JwtMinter.es256(null, EC_2.getPrivate(), claims().replace(
                String.valueOf(NOW + 3600), String.valueOf(NOW + 7200)))).isValid()).isTrue();
    }
}
