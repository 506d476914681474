package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.AppConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.core.Secret;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tencent's documented event bodies pushed unsigned at the secret-path endpoint over real HTTP,
 * in the orders they may arrive in, and the video states they lead to.
 */
class TencentEventBodiesHttpTest {
    private static final String TOKEN = "hook-0123456789abcdef";
    private static final String UPLOAD = "v3-new-file-upload-push.json";
    private static final String FINISH = "v3-procedure-finish-transcode-cover.json";
    private static final String VERDICT = "v3-review-audio-video-complete.json";

    @TempDir
    Path dir;
    private AppBackend backend;
    private URI base;

    @BeforeEach
    void start() {
        AppConfig config = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null,
                -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
        ReceiptConfig receipt = new ReceiptConfig(Secret.of(TOKEN), List.of(), Duration.ofMinutes(5), 1_048_576,
                ReceiptConfig.Pull.defaults(), ReceiptConfig.Forward.defaults(), List.of("moderator"),
                ReceiptConfig.ForbidAtVod.defaults(), 1_500_000_001L);
        backend = AppBackend.start(new AppConfig(config.http(), config.database(), config.vod(), config.auth(), config.policy(),
                config.rateLimit(), receipt), java.time.Clock.systemUTC());
        base = backend.url();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private void push(String body) {
        AppFixture.Reply reply = AppFixture.send(HttpRequest.newBuilder(base.resolve("api/v1/vod/events/" + TOKEN))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build());
        assertThat(reply.status()).as("%s: %s", body, reply.body()).isEqualTo(200);
    }

    /** Waits until every pushed event is processed, then returns the video. */
    private Optional<Video> settled(String fileId) throws InterruptedException {
        VodEventBodies.await("all events processed", Duration.ofSeconds(10), () -> backend.services().receivedEvents().recent(100)
                .stream().noneMatch(e -> e.state().equals("RECEIVED")));
        assertThat(backend.services().receivedEvents().recent(100)).extracting(StoredEvent::state).doesNotContain("FAILED");
        return backend.services().videos().find(fileId);
    }

    private static String verdict(String fileId, String suggestion) {
        return VodEventBodies.tencent(VERDICT, fileId).replace("\"Suggestion\": \"block\"", "\"Suggestion\": \"" + suggestion + "\"");
    }

    /** The §5.3 {@code PullEvents} response's event, pushed as it is (with its {@code EventHandle}). */
    private static String pulledUpload(String fileId) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(VodEventBodies.tencent(
                "v3-new-file-upload-pull-response.json", fileId)).path("Response").path("EventSet").get(0).toString();
    }

    @Test
    void anUploadThatAnnouncedAReviewTaskWaitsForItsVerdictAfterTheFlowFinished() throws Exception {
        String fileId = "1000000000000000001";
        push(VodEventBodies.tencent(UPLOAD, fileId));
        push(VodEventBodies.tencent(FINISH, fileId));
        Video processed = settled(fileId).orElseThrow();
        assertThat(processed.state()).as("the review verdict is still to come").isEqualTo(VideoState.PROCESSING);
        assertThat(processed.playbacks()).extracting(Playback::definition).as("the template is Input.Definition").containsExactly(100020L);
        assertThat(processed.coverUrl()).endsWith("coverBySnapshot_10_0.jpg");

        push(VodEventBodies.tencent(VERDICT, fileId));
        Video blocked = settled(fileId).orElseThrow();
        assertThat(blocked.state()).isEqualTo(VideoState.BLOCKED);
        assertThat(blocked.review()).isEqualTo("block");
        assertThat(blocked.reviewConfidence()).isEqualTo(99);
        assertThat(blocked.reviewLabel()).isEqualTo("Porn");
        assertThat(backend.services().receivedEvents().recent(10)).extracting(StoredEvent::state).containsOnly("PROCESSED");
    }

    @Test
    void theVerdictThatArrivesFirstIsKeptUntilTheUploadAndTheFlowHaveArrived() throws Exception {
        String fileId = "1000000000000000002";
        push(verdict(fileId, "pass"));
        assertThat(settled(fileId).orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
        push(VodEventBodies.tencent(FINISH, fileId));
        assertThat(settled(fileId).orElseThrow().state()).as("the upload is not seen yet").isEqualTo(VideoState.PROCESSING);
        push(VodEventBodies.tencent(UPLOAD, fileId));
        Video published = settled(fileId).orElseThrow();
        assertThat(published.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(published.review()).isEqualTo("pass");
        assertThat(published.name()).isEqualTo("lesson-07-intro");

        String reviewed = "1000000000000000003";
        push(VodEventBodies.tencent(UPLOAD, reviewed).replace("\"ProcedureTaskId\": \"1500012345-procedurev2-4b5c1a0e2f6d7a8b9c0d1e2f3a4b5c6dt0\"",
                "\"ProcedureTaskId\": \"\""));
        assertThat(settled(reviewed).orElseThrow().state()).as("a flow with only a review task").isEqualTo(VideoState.PROCESSING);
        push(verdict(reviewed, "review"));
        assertThat(settled(reviewed).orElseThrow().state()).isEqualTo(VideoState.PENDING_REVIEW);
    }

    @Test
    void theLegacyV2BodiesAreAcceptedAndTheirFilesDeleted() throws Exception {
        String fileId = "1000000000000000004";
        push(VodEventBodies.tencent("v2-new-file-upload.json", fileId));
        assertThat(settled(fileId).orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
        push(VodEventBodies.tencent("v2-procedure-finish.json", fileId));
        Video published = settled(fileId).orElseThrow();
        assertThat(published.state()).isEqualTo(VideoState.PUBLISHED);
        assertThat(published.playbacks()).extracting(Playback::definition).containsExactly(100020L);
        assertThat(published.coverUrl()).as("output.imageUrl").endsWith("coverBySnapshot_10_0.jpg");
        push(VodEventBodies.tencent("v2-file-deleted.json", fileId));
        assertThat(settled(fileId).orElseThrow().state()).isEqualTo(VideoState.DELETED);
    }

    @Test
    void theOtherDocumentedBodiesAreAcceptedWithTheirMeaning() throws Exception {
        String legacyReviewed = "5285890807869927353";
        push(VodEventBodies.tencent("v3-procedure-legacy-review.json", legacyReviewed));
        push(VodEventBodies.tencent("v3-procedure-change-processing.json", "1000000000000000005"));
        String transcodesDeleted = "24961954183381008";
        push(pulledUpload(transcodesDeleted));
        push(VodEventBodies.tencent(FINISH, transcodesDeleted));
        push(VodEventBodies.tencent("v3-file-deleted.json", transcodesDeleted));
        push(pulledUpload("1000000000000000006"));
        Video waiting = settled(legacyReviewed).orElseThrow();
        assertThat(waiting.review()).isEqualTo("review");
        assertThat(waiting.reviewConfidence()).isEqualTo(90);
        assertThat(waiting.state()).as("no upload seen yet").isEqualTo(VideoState.PROCESSING);
        push(pulledUpload(legacyReviewed).replace("1500012345-procedurev2-4b5c1a0e2f6d7a8b9c0d1e2f3a4b5c6dt0",
                "1500012345-procedurev2-9f8e7d6c5b4a39281706f5e4d3c2b1a0t0"));
        assertThat(settled(legacyReviewed).orElseThrow().state()).isEqualTo(VideoState.PENDING_REVIEW);
        Video withoutTranscodes = settled(transcodesDeleted).orElseThrow();
        assertThat(withoutTranscodes.state()).as("only its transcodes were deleted").isEqualTo(VideoState.PUBLISHED);
        assertThat(withoutTranscodes.playbacks()).isEmpty();
        push(VodEventBodies.tencent("v3-file-deleted.json", transcodesDeleted).replace("TranscodeFiles", "OriginalFiles"));
        assertThat(settled(transcodesDeleted).orElseThrow().state()).isEqualTo(VideoState.DELETED);
        assertThat(settled("1000000000000000005").orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
        assertThat(settled("1000000000000000006").orElseThrow().state()).isEqualTo(VideoState.PROCESSING);
        push(VodEventBodies.tencent("v3-procedure-finish-transcode-cover.json", "1000000000000000006"));
        assertThat(settled("1000000000000000006").orElseThrow().state()).as("no review task announced").isEqualTo(VideoState.PUBLISHED);
        assertThat(backend.services().receivedEvents().recent(10)).extracting(StoredEvent::state).containsOnly("PROCESSED");
    }
}
