package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.openvod.app.config.JwtSection;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.core.Secret;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.app.signing.SourceContext;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlAccountStore;
import java.net.InetSocketAddress;
import io.openvod.app.testing.MutableClock;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who may ask: sessions, API tokens, bans, and JWTs (HS256 and RS256 through a JWKS URL). */
class AuthenticationHttpTest {
    static final String ISSUER = "https://idp.example.com/";
    static final String AUDIENCE = "openvod-app";
    static final String HS_SECRET = "shared-secret-of-at-least-32-bytes!!";

    @TempDir
    Path dir;
    AppBackend backend;
    HttpServer jwksServer;
    final MutableClock clock = new MutableClock(Instant.now());

    private URI start(JwtSection jwt) {
        backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(),
                Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1),
                        "editor", AppFixture.role(List.of("ReviewAndTranscode"), "ReviewAndTranscode", List.of(), null, -1, -1, -1)),
                Map.of(), new RateLimitConfig(0, 0), jwt), clock);
        return backend.url();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    private static SignatureParameters verified(AppFixture.Reply r) {
        assertThat(r.code()).as(r.body().toString()).isZero();
        return UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(AppFixture.KEY_A_ID, AppFixture.KEY_A))).build()
                .verify(r.signature()).orElseThrow().parameters();
    }

    private static String user(SignatureParameters p) {
        return SourceContext.parse(p.sourceContext().orElseThrow()).orElseThrow().userId();
    }

    @Test
    void signInShouldGiveASessionTokenThatSignsUntilLogoutOrExpiry() {
        URI base = start(AppFixture.noJwt());
        backend.services().accounts().createUser("dora", "", Optional.of("correct horse battery".toCharArray()));
        AppFixture.Reply wrong = AppFixture.post(base, "api/v1/login", null, "application/json", "{\"user\":\"dora\",\"password\":\"nope-nope\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.error()).isEqualTo("INVALID_CREDENTIALS");
        AppFixture.Reply unknown = AppFixture.post(base, "api/v1/login", null, "application/json", "{\"user\":\"nobody\",\"password\":\"nope-nope\"}");
        assertThat(unknown.error()).isEqualTo("INVALID_CREDENTIALS");

        AppFixture.Reply login = AppFixture.post(base, "api/v1/login", null, "application/json",
                "{\"user\":\"dora\",\"password\":\"correct horse battery\"}");
        String session = login.body().path("data").path("token").asText();
        assertThat(session).startsWith("ovs_");
        assertThat(user(verified(AppFixture.get(base, "api/v1/upload-signature", session)))).isEqualTo("dora");

        clock.advance(Duration.ofHours(2));
        AppFixture.Reply expired = AppFixture.get(base, "api/v1/upload-signature", session);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.error()).isEqualTo("TOKEN_EXPIRED");

        String second = AppFixture.post(base, "api/v1/login", null, "application/x-www-form-urlencoded",
                "user=dora&password=correct+horse+battery").body().path("data").path("token").asText();
        assertThat(AppFixture.post(base, "api/v1/logout", second, null, "").code()).isZero();
        assertThat(AppFixture.get(base, "api/v1/upload-signature", second).error()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void bannedUsersShouldBeRefusedWhateverTheirCredential() {
        URI base = start(AppFixture.noJwt());
        backend.services().accounts().createUser("eve", "", Optional.empty());
        String token = backend.services().accounts().createApiToken("eve", "", Optional.empty()).token();
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
        backend.services().store().setBanned("eve", true, clock.instant());
        AppFixture.Reply banned = AppFixture.get(base, "api/v1/upload-signature", token);
        assertThat(banned.status()).isEqualTo(403);
        assertThat(banned.code()).isEqualTo(40300);
        assertThat(banned.error()).isEqualTo("USER_BANNED");
    }

    @Test
    void aBannedUserCannotSignInAndItsSessionsAreRefusedOnEveryApi() throws Exception {
        URI base = start(AppFixture.noJwt());
        backend.services().accounts().createUser("mallory", "", Optional.of("correct horse battery".toCharArray()));
        String login = "{\"user\":\"mallory\",\"password\":\"correct horse battery\"}";
        String session = AppFixture.post(base, "api/v1/login", null, "application/json", login).body().path("data").path("token").asText();
        assertThat(AppFixture.get(base, "api/v1/videos", session).status()).isEqualTo(200);

        backend.services().store().setBanned("mallory", true, clock.instant());
        AppFixture.Reply refused = AppFixture.post(base, "api/v1/login", null, "application/json", login);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo(40300);
        assertThat(refused.error()).isEqualTo("USER_BANNED");
        assertThat(refused.body().path("data").has("token")).isFalse();
        assertThat(AppFixture.post(base, "api/v1/login", null, "application/json", login.replace("battery", "staple")).error())
                .as("a wrong password says nothing about the ban").isEqualTo("INVALID_CREDENTIALS");
        for (String path : List.of("api/v1/upload-signature", "api/v1/videos", "api/v1/videos/5285890800000000001",
                "api/v1/moderation/queue")) {
            AppFixture.Reply r = AppFixture.get(base, path, session);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.error()).as(path).isEqualTo("USER_BANNED");
        }

        backend.services().store().setBanned("mallory", false, clock.instant());
        String again = AppFixture.post(base, "api/v1/login", null, "application/json", login).body().path("data").path("token").asText();
        assertThat(AppFixture.get(base, "api/v1/videos", again).status()).isEqualTo(200);
        // A ban by another process (openvod users ban) reaches the running service within app.auth.cacheTtl (5 s here).
        try (AppDatabase cli = AppDatabase.open(backend.services().config().database().url())) {
            new SqlAccountStore(cli.jdbi()).setBanned("mallory", true, clock.instant());
        }
        VodEventBodies.await("the other process's ban to be applied", Duration.ofSeconds(20), () ->
                "USER_BANNED".equals(AppFixture.get(base, "api/v1/videos", again).error()));
        assertThat(AppFixture.post(base, "api/v1/login", null, "application/json", login).error()).isEqualTo("USER_BANNED");
    }

    @Test
    void malformedCredentialsShouldBeRefused() {
        URI base = start(AppFixture.noJwt());
        assertThat(AppFixture.get(base, "api/v1/upload-signature", null).code()).isEqualTo(40100);
        assertThat(AppFixture.get(base, "api/v1/upload-signature", "ova_" + "A".repeat(43)).code()).isEqualTo(40102);
        assertThat(AppFixture.get(base, "api/v1/upload-signature", "a.b.c").error()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void hs256JwtShouldAuthenticateAndItsRoleClaimShouldChooseThePolicy() throws Exception {
        URI base = start(new JwtSection(true, Secret.of(HS_SECRET), "", ISSUER, AUDIENCE, null, null, null, null, null));
        long exp = clock.instant().plusSeconds(600).getEpochSecond();
        String jwt = TestJwts.hs256(TestJwts.claims("idp-user-7", ISSUER, AUDIENCE, exp).put("role", "editor"), HS_SECRET);
        SignatureParameters p = verified(AppFixture.get(base, "api/v1/upload-signature", jwt));
        assertThat(user(p)).as("identity-provider users have ids of their own namespace").isEqualTo("jwt:idp-user-7");
        assertThat(p.procedure()).contains("ReviewAndTranscode");

        String expired = TestJwts.hs256(TestJwts.claims("idp-user-7", ISSUER, AUDIENCE, clock.instant().minusSeconds(120).getEpochSecond()), HS_SECRET);
        AppFixture.Reply e = AppFixture.get(base, "api/v1/upload-signature", expired);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.error()).isEqualTo("TOKEN_EXPIRED");

        String forged = TestJwts.hs256(TestJwts.claims("idp-user-7", ISSUER, AUDIENCE, exp), "another-secret-of-at-least-32-bytes!");
        assertThat(AppFixture.get(base, "api/v1/upload-signature", forged).error()).isEqualTo("INVALID_TOKEN");
        String otherAudience = TestJwts.hs256(TestJwts.claims("idp-user-7", ISSUER, "someone-else", exp), HS_SECRET);
        assertThat(AppFixture.get(base, "api/v1/upload-signature", otherAudience).error()).isEqualTo("INVALID_TOKEN");

        backend.services().store().setBanned("jwt:idp-user-7", true, clock.instant());
        assertThat(AppFixture.get(base, "api/v1/upload-signature", jwt).error()).isEqualTo("USER_BANNED");
    }

    @Test
    void rs256JwtShouldVerifyWithTheProvidersJwks() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair provider = g.generateKeyPair();
        KeyPair attacker = g.generateKeyPair();
        byte[] jwks = TestJwts.jwks((RSAPublicKey) provider.getPublic(), "k1").getBytes(StandardCharsets.UTF_8);
        jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwksServer.createContext("/jwks.json", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, jwks.length);
            ex.getResponseBody().write(jwks);
            ex.close();
        });
        jwksServer.start();
        String url = "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json";
        URI base = start(new JwtSection(true, null, url, ISSUER, AUDIENCE, null, null, null, null, null));
        long exp = clock.instant().plusSeconds(600).getEpochSecond();

        String good = TestJwts.rs256(TestJwts.claims("rsa-user", ISSUER, AUDIENCE, exp), provider, "k1");
        assertThat(user(verified(AppFixture.get(base, "api/v1/upload-signature", good)))).isEqualTo("jwt:rsa-user");
        String forged = TestJwts.rs256(TestJwts.claims("rsa-user", ISSUER, AUDIENCE, exp), attacker, "k1");
        assertThat(AppFixture.get(base, "api/v1/upload-signature", forged).error()).isEqualTo("INVALID_TOKEN");
        String hsWithoutSecret = TestJwts.hs256(TestJwts.claims("rsa-user", ISSUER, AUDIENCE, exp), HS_SECRET);
        assertThat(AppFixture.get(base, "api/v1/upload-signature", hsWithoutSecret).error()).isEqualTo("INVALID_TOKEN");
    }
}
