package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tencent's documented bodies in pull mode over real HTTP: the app's pull consumer calls a
 * stand-in for Tencent's API 3.0 endpoint on loopback, which answers {@code PullEvents} with the
 * documented events (each with its {@code EventHandle}) and records {@code ConfirmEvents}. An
 * upload that announced a review task stays {@code processing} after its flow finished, and the
 * pulled {@code ReviewAudioVideoComplete} blocks it; every handle is confirmed.
 */
class TencentPullBodiesHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void pulledDocumentedBodiesWaitForTheReviewVerdictAndAreConfirmed() throws Exception {
        String fileId = "1000000000000000042";
        try (TencentApiStandIn tencent = new TencentApiStandIn()) {
            AppConfig config = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null,
                    -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
            ReceiptConfig receipt = new ReceiptConfig(null, List.of(), Duration.ofMinutes(5), 1_048_576,
                    new ReceiptConfig.Pull(true, tencent.url(), "ap-guangzhou", 0, Duration.ofSeconds(10)),
                    ReceiptConfig.Forward.defaults(), List.of("moderator"), ReceiptConfig.ForbidAtVod.defaults(), 1_500_000_001L);
            try (AppBackend backend = AppBackend.start(new AppConfig(config.http(), config.database(), config.vod(), config.auth(),
                    config.policy(), config.rateLimit(), receipt), java.time.Clock.systemUTC())) {
                String upload = tencent.offer(VodEventBodies.tencent("v3-new-file-upload-push.json", fileId));
                String finish = tencent.offer(VodEventBodies.tencent("v3-procedure-finish-transcode-cover.json", fileId));
                VodEventBodies.await("upload and flow confirmed", Duration.ofSeconds(20),
                        () -> tencent.confirmed.containsAll(List.of(upload, finish)));
                Video waiting = backend.services().videos().find(fileId).orElseThrow();
                assertThat(waiting.state()).as("the announced review verdict is still to come").isEqualTo(VideoState.PROCESSING);
                assertThat(waiting.playbacks()).hasSize(1);

                String verdict = tencent.offer(VodEventBodies.tencent("v3-review-audio-video-complete.json", fileId));
                VodEventBodies.await("verdict confirmed", Duration.ofSeconds(20), () -> tencent.confirmed.contains(verdict));
                Video blocked = backend.services().videos().find(fileId).orElseThrow();
                assertThat(blocked.state()).isEqualTo(VideoState.BLOCKED);
                assertThat(blocked.review()).isEqualTo("block");
                assertThat(backend.services().receivedEvents().recent(10)).extracting(e -> e.source() + " " + e.state())
                        .containsOnly("pull PROCESSED");
                assertThat(tencent.actions).as("every call is TC3-signed").noneMatch(a -> a.endsWith("unsigned"));
                assertThat(new String(JSON.writeValueAsBytes(tencent.confirmed), StandardCharsets.UTF_8))
                        .contains(upload, finish, verdict);
            }
        }
    }
}
