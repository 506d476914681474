package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.AppConfig;
import io.openvod.app.config.JwtSection;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.policy.UserPolicy;
import io.openvod.app.videos.VideoState;
import io.openvod.core.Secret;
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
 * Who is a moderator: the role resolved as for signatures (per-user entry, account role, JWT role
 * claim, default role) must be one of {@code app.receipt.moderatorRoles}, here {@code reviewer}.
 */
class ModeratorRoleHttpTest {
    private static final String ISSUER = "https://idp.example.com/";
    private static final String AUDIENCE = "openvod-app";
    private static final String HS_SECRET = "shared-secret-of-at-least-32-bytes!!";
    private static final String FILE_ID = "5285890800000000201";

    @TempDir
    Path dir;
    AppBackend backend;
    URI base;

    @BeforeEach
    void start() throws Exception {
        var roles = Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1),
                "reviewer", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1));
        AppConfig c = AppFixture.config(dir, AppFixture.keyA(), roles,
                Map.of("jwt:demoted", new UserPolicy("user", null, null, null, null, null, null, null, null, null, null)),
                new RateLimitConfig(0, 0), new JwtSection(true, Secret.of(HS_SECRET), "", ISSUER, AUDIENCE, null, null, null, null, null));
        ReceiptConfig receipt = new ReceiptConfig(null, List.of(), Duration.ofMinutes(5), 1_048_576, ReceiptConfig.Pull.defaults(),
                ReceiptConfig.Forward.defaults(), List.of("reviewer"));
        backend = AppBackend.start(new AppConfig(c.http(), c.database(), c.vod(), c.auth(), c.policy(), c.rateLimit(), receipt),
                Clock.systemUTC());
        base = backend.url();
        VodEventBodies.push(base, VodEventBodies.upload(FILE_ID, "alice", "clip"));
        VodEventBodies.push(base, VodEventBodies.finish(FILE_ID, "alice", "review"));
        VodEventBodies.await("the video to wait for review", Duration.ofSeconds(10), () ->
                backend.services().videos().find(FILE_ID).map(v -> v.state() == VideoState.PENDING_REVIEW).orElse(false));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private static String jwt(String user, String role) throws Exception {
        var claims = TestJwts.claims(user, ISSUER, AUDIENCE, Instant.now().plusSeconds(600).getEpochSecond());
        if (role != null) {
            claims.put("role", role);
        }
        return TestJwts.hs256(claims, HS_SECRET);
    }

    @Test
    void theJwtRoleClaimMakesAModeratorUnlessAPerUserEntrySaysOtherwise() throws Exception {
        AppFixture.Reply queue = AppFixture.get(base, "api/v1/moderation/queue", jwt("idp-reviewer", "reviewer"));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("data").path("videos").path(0).path("fileId").asText()).isEqualTo(FILE_ID);

        assertThat(AppFixture.get(base, "api/v1/moderation/queue", jwt("idp-user", null)).error())
                .as("no claim: the default role").isEqualTo("NOT_A_MODERATOR");
        assertThat(AppFixture.get(base, "api/v1/moderation/queue", jwt("idp-other", "moderator")).error())
                .as("a claim naming no configured role").isEqualTo("NOT_A_MODERATOR");
        assertThat(AppFixture.get(base, "api/v1/moderation/queue", jwt("demoted", "reviewer")).error())
                .as("the per-user entry wins over the claim").isEqualTo("NOT_A_MODERATOR");

        AppFixture.Reply blocked = AppFixture.post(base, "api/v1/moderation/videos/" + FILE_ID + "/block", jwt("idp-reviewer", "reviewer"),
                null, "");
        assertThat(blocked.status()).isEqualTo(200);
        var video = backend.services().videos().find(FILE_ID).orElseThrow();
        assertThat(video.state()).isEqualTo(VideoState.BLOCKED);
        assertThat(video.moderation().orElseThrow().moderator()).isEqualTo("jwt:idp-reviewer");
    }

    @Test
    void anAccountRoleMakesAModeratorAndABanStopsIt() {
        var accounts = backend.services().accounts();
        accounts.createUser("rita", "reviewer", Optional.empty());
        String rita = accounts.createApiToken("rita", "test", Optional.empty()).token();
        assertThat(AppFixture.post(base, "api/v1/moderation/videos/" + FILE_ID + "/approve", rita, null, "").status()).isEqualTo(200);
        assertThat(backend.services().videos().find(FILE_ID).orElseThrow().state()).isEqualTo(VideoState.PUBLISHED);

        backend.services().store().setBanned("rita", true, Instant.now());
        AppFixture.Reply refused = AppFixture.post(base, "api/v1/moderation/videos/" + FILE_ID + "/block", rita, null, "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("USER_BANNED");
        assertThat(backend.services().videos().find(FILE_ID).orElseThrow().state()).isEqualTo(VideoState.PUBLISHED);
    }
}
