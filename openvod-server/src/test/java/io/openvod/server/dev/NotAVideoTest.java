package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.testing.ReviewSidecar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees in {@code openvod dev} when the file is not a video, with the real FFmpeg probe,
 * steps and review flow: a renamed text file is committed, and its video is {@code failed} with the
 * reason "not a playable video" — also after its tasks and its review task failed — never waiting in
 * the moderators' queue, and a moderator cannot approve it; an empty file is refused at Apply.
 */
class NotAVideoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void aRenamedTextFileFailsAsNotPlayableAndAnEmptyFileIsRefusedAtApply() throws Exception {
        ReviewSidecar.use();
        byte[] text = "These are my notes, not a video.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        try (DevStack dev = DevStack.start(DevUploads.config(dir), dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            String fileId = DevUploads.uploadAsDemo(dev, text, "mp4");
            assertThat(dev.platform().node().catalog().find(fileId).orElseThrow().probeError()).as("ffprobe could not read it").isPresent();

            Video settled = awaitEveryResult(dev, fileId, Duration.ofSeconds(90));
            assertThat(settled.awaited().flowOutcome()).isEqualTo("failed");
            assertThat(settled.awaited().reviewTaskVerdict()).as("its review task could not run either").isEqualTo("failed");
            assertThat(settled.state()).isEqualTo(VideoState.FAILED);
            assertThat(settled.mediaError()).isEqualTo("MetaData: no audio or video stream");

            String demo = DevUploads.login(dev, DevStack.DEMO_USER, DevStack.DEMO_PASSWORD);
            JsonNode owners = DevUploads.get(dev, "api/v1/videos/" + fileId, demo).body().path("data").path("video");
            assertThat(owners.path("state").asText()).isEqualTo("failed");
            assertThat(owners.path("reason").asText()).isEqualTo("not a playable video");
            assertThat(owners.has("mediaUrl")).as("nothing to play").isFalse();

            String moderator = DevUploads.login(dev, DevStack.MODERATOR_USER, DevStack.MODERATOR_PASSWORD);
            DevUploads.Answer queue = DevUploads.get(dev, "api/v1/moderation/queue", moderator);
            assertThat(queue.status()).isEqualTo(200);
            assertThat(queue.body().path("data").path("videos")).as("nothing for a person to judge").isEmpty();
            DevUploads.Answer approve = DevUploads.post(dev, "api/v1/moderation/videos/" + fileId + "/approve", moderator);
            assertThat(approve.status()).isEqualTo(409);
            assertThat(approve.body().path("data").path("error").asText()).isEqualTo("VIDEO_FAILED");
            assertThat(dev.app().services().videos().find(fileId).orElseThrow().state()).isEqualTo(VideoState.FAILED);

            JsonNode apply = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(dev.platform().url()
                            + "/v3/index.php?Action=ApplyUploadUGC")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Uploads.applyBody(DevUploads.demoSignature(dev, demo), "empty", "mp4", 0)
                            .toString())).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(apply.path("code").asInt()).as(apply.toString()).isEqualTo(10001);
            assertThat(apply.path("message").asText()).contains("videoSize is 0: an empty file cannot be uploaded");
        }
    }

    /** The video once its upload, its flow's end and its review task's verdict have all arrived. */
    private static Video awaitEveryResult(DevStack dev, String fileId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<Video> video = Optional.empty();
        while (System.nanoTime() < deadline) {
            video = dev.app().services().videos().find(fileId);
            if (video.isPresent()) {
                assertThat(video.get().state()).as("never queued for a moderator").isNotEqualTo(VideoState.PENDING_REVIEW);
                Video.Awaited a = video.get().awaited();
                if (a.uploadSeen() && !a.flowOutcome().isEmpty() && !a.reviewTaskVerdict().isEmpty()) {
                    return video.get();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the results of " + fileId + " did not all arrive within " + timeout + ": " + video
                + "; received events: " + dev.app().services().receivedEvents().recent(10));
    }
}
