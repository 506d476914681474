package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.media.TestClips;
import io.openvod.server.config.OpenVodConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import io.openvod.server.testing.ReviewSidecar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In {@code openvod dev} a moderator's decision is applied at the platform too
 * ({@code app.receipt.forbidAtVod}): a blocked video's files are no longer served by their URLs,
 * an approved one's are again; when the VOD cannot be told, the decision is refused and nothing changes.
 */
class DevModerationAtVodTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void blockForbidsTheMediaAtThePlatformAndApproveRecoversIt() throws Exception {
        ReviewSidecar.use();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        try (DevStack dev = DevStack.start(DevUploads.config(dir), dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            String fileId = DevUploads.uploadAsDemo(dev, clip, "mp4");
            Video published = DevUploads.awaitPublished(dev, fileId, Duration.ofSeconds(90));
            assertThat(status(published.mediaUrl())).isEqualTo(200);
            String moderator = login(dev, DevStack.MODERATOR_USER, DevStack.MODERATOR_PASSWORD);

            assertThat(decide(dev, moderator, fileId, "block").statusCode()).isEqualTo(200);
            assertThat(dev.app().services().videos().find(fileId).orElseThrow().state()).isEqualTo(VideoState.BLOCKED);
            assertThat(dev.platform().node().catalog().find(fileId).orElseThrow().status()).isEqualTo("Forbidden");
            assertThat(status(published.mediaUrl())).as("not served by its URL either").isEqualTo(403);

            assertThat(decide(dev, moderator, fileId, "approve").statusCode()).isEqualTo(200);
            assertThat(dev.platform().node().catalog().find(fileId).orElseThrow().status()).isEqualTo("Normal");
            assertThat(status(published.mediaUrl())).isEqualTo(200);
        }
    }

    @Test
    void aDecisionTheVodDoesNotTakeIsRefusedAndChangesNothing() throws Exception {
        ReviewSidecar.use();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        OpenVodConfig config = DevUploads.config(dir);
        try (DevStack dev = DevStack.start(config, dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            String fileId = DevUploads.uploadAsDemo(dev, clip, "mp4");
            DevUploads.awaitPublished(dev, fileId, Duration.ofSeconds(90));
            String moderator = login(dev, DevStack.MODERATOR_USER, DevStack.MODERATOR_PASSWORD);
            dev.platform().close();
            HttpResponse<String> refused = decide(dev, moderator, fileId, "block");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(refused.body()).path("data").path("error").asText()).isEqualTo("VOD_UNAVAILABLE");
            assertThat(dev.app().services().videos().find(fileId).orElseThrow().state()).isEqualTo(VideoState.PUBLISHED);
        }
    }

    private int status(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String login(DevStack dev, String user, String password) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(dev.app().url() + "api/v1/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        return body.path("data").path("token").asText();
    }

    private HttpResponse<String> decide(DevStack dev, String bearer, String fileId, String decision) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(dev.app().url() + "api/v1/moderation/videos/" + fileId + "/" + decision))
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
