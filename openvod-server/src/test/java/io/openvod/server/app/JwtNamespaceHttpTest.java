package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.AppConfig;
import io.openvod.app.config.JwtSection;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.policy.UserPolicy;
import io.openvod.app.signing.SourceContext;
import io.openvod.app.videos.VideoState;
import io.openvod.core.Secret;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.UploadSignatureVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity-provider users and built-in accounts do not share ids: a JWT's {@code sub} is the user
 * {@code jwt:<sub>}, so {@code sub=demo} is not the account {@code demo} (its videos, its
 * signatures, its ban) and {@code sub=moderator} is not the moderator account. Only the operator's
 * {@code app.auth.jwt.accountMap} (here {@code sso-ops → ops}) or an {@code app.policy.users}
 * entry naming {@code jwt:<sub>} (here {@code jwt:trusted}) gives a token an account or a role.
 */
class JwtNamespaceHttpTest {
    private static final String ISSUER = "https://idp.example.com/";
    private static final String AUDIENCE = "openvod-app";
    private static final String HS_SECRET = "shared-secret-of-at-least-32-bytes!!";
    private static final String DEMO_VIDEO = "5285890800000000301";

    @TempDir
    Path dir;
    AppBackend backend;
    URI base;
    String demoToken;

    @BeforeEach
    void start() throws Exception {
        var roles = Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1),
                "moderator", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1));
        JwtSection jwt = new JwtSection(true, Secret.of(HS_SECRET), "", ISSUER, AUDIENCE, null, null, null, null,
                Map.of("sso-ops", "ops"));
        AppConfig c = AppFixture.config(dir, AppFixture.keyA(), roles,
                Map.of("jwt:trusted", new UserPolicy("moderator", null, null, null, null, null, null, null, null, null, null)),
                new RateLimitConfig(0, 0), jwt);
        ReceiptConfig receipt = new ReceiptConfig(null, List.of(), Duration.ofMinutes(5), 1_048_576, ReceiptConfig.Pull.defaults(),
                ReceiptConfig.Forward.defaults(), List.of("moderator"));
        backend = AppBackend.start(new AppConfig(c.http(), c.database(), c.vod(), c.auth(), c.policy(), c.rateLimit(), receipt),
                Clock.systemUTC());
        base = backend.url();
        var accounts = backend.services().accounts();
        accounts.createUser("demo", "", Optional.empty());
        accounts.createUser("moderator", "moderator", Optional.empty());
        accounts.createUser("ops", "moderator", Optional.empty());
        demoToken = accounts.createApiToken("demo", "test", Optional.empty()).token();
        VodEventBodies.push(base, VodEventBodies.upload(DEMO_VIDEO, "demo", "demo-clip"));
        VodEventBodies.push(base, VodEventBodies.finish(DEMO_VIDEO, "demo", "review"));
        VodEventBodies.await("demo's video to wait for review", Duration.ofSeconds(10), () ->
                backend.services().videos().find(DEMO_VIDEO).map(v -> v.state() == VideoState.PENDING_REVIEW).orElse(false));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private static String jwt(String sub, String role) throws Exception {
        var claims = TestJwts.claims(sub, ISSUER, AUDIENCE, Instant.now().plusSeconds(600).getEpochSecond());
        if (role != null) {
            claims.put("role", role);
        }
        return TestJwts.hs256(claims, HS_SECRET);
    }

    private static String signedUser(AppFixture.Reply r) {
        assertThat(r.code()).as(r.body().toString()).isZero();
        var p = UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(AppFixture.KEY_A_ID, AppFixture.KEY_A))).build()
                .verify(r.signature()).orElseThrow().parameters();
        return SourceContext.parse(p.sourceContext().orElseThrow()).orElseThrow().userId();
    }

    @Test
    void aJwtWhoseSubIsDemoIsNotTheDemoAccount() throws Exception {
        String token = jwt("demo", null);
        assertThat(AppFixture.get(base, "api/v1/videos", demoToken).body().path("data").path("videos")).hasSize(1);

        AppFixture.Reply list = AppFixture.get(base, "api/v1/videos", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("data").path("videos")).as("demo's videos are not the JWT user's").isEmpty();
        AppFixture.Reply one = AppFixture.get(base, "api/v1/videos/" + DEMO_VIDEO, token);
        assertThat(one.status()).isEqualTo(404);
        assertThat(one.error()).isEqualTo("VIDEO_NOT_FOUND");

        assertThat(signedUser(AppFixture.get(base, "api/v1/upload-signature", token)))
                .as("its signatures (and so its uploads) are attributed to the JWT identity").isEqualTo("jwt:demo");
        assertThat(signedUser(AppFixture.get(base, "api/v1/upload-signature", demoToken))).isEqualTo("demo");
        assertThat(backend.services().ledger().recent("jwt:demo", 10)).as("audited and counted for the JWT identity").hasSize(1);
        assertThat(backend.services().ledger().recent("demo", 10)).hasSize(1);

        backend.services().store().setBanned("demo", true, Instant.now());
        assertThat(AppFixture.get(base, "api/v1/upload-signature", demoToken).error()).isEqualTo("USER_BANNED");
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).as("the account's ban is not the JWT user's").isZero();
        backend.services().store().setBanned("demo", false, Instant.now());
        backend.services().store().setBanned("jwt:demo", true, Instant.now());
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).error()).isEqualTo("USER_BANNED");
        assertThat(AppFixture.get(base, "api/v1/upload-signature", demoToken).code()).isZero();
    }

    @Test
    void aJwtWhoseSubIsModeratorGetsNoModeration() throws Exception {
        String token = jwt("moderator", null);
        AppFixture.Reply queue = AppFixture.get(base, "api/v1/moderation/queue", token);
        assertThat(queue.status()).isEqualTo(403);
        assertThat(queue.error()).isEqualTo("NOT_A_MODERATOR");
        AppFixture.Reply block = AppFixture.post(base, "api/v1/moderation/videos/" + DEMO_VIDEO + "/block", token, null, "");
        assertThat(block.status()).isEqualTo(403);
        assertThat(block.error()).isEqualTo("NOT_A_MODERATOR");
        assertThat(backend.services().videos().find(DEMO_VIDEO).orElseThrow().state()).isEqualTo(VideoState.PENDING_REVIEW);
    }

    @Test
    void anOperatorsExplicitMappingGivesAnAccountOrARole() throws Exception {
        String mapped = jwt("sso-ops", null);
        assertThat(AppFixture.get(base, "api/v1/moderation/queue", mapped).status()).as("accountMap sso-ops → ops").isEqualTo(200);
        assertThat(signedUser(AppFixture.get(base, "api/v1/upload-signature", mapped))).isEqualTo("ops");

        String trusted = jwt("trusted", null);
        AppFixture.Reply approved = AppFixture.post(base, "api/v1/moderation/videos/" + DEMO_VIDEO + "/approve", trusted, null, "");
        assertThat(approved.status()).as("app.policy.users jwt:trusted").isEqualTo(200);
        assertThat(backend.services().videos().find(DEMO_VIDEO).orElseThrow().moderation().orElseThrow().moderator())
                .isEqualTo("jwt:trusted");
        assertThat(AppFixture.get(base, "api/v1/moderation/queue", jwt("ops", null)).error())
                .as("the account's own name is not a mapping").isEqualTo("NOT_A_MODERATOR");
    }
}
