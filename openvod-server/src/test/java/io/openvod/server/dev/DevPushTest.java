package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Video;
import io.openvod.platform.events.EventConfig;
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
 * In {@code openvod dev} the platform pushes the dev application's events to the app backend,
 * signed with a dev secret the app verifies: the demo user's upload (its signature names
 * {@code ReviewAudioVideoTranscodeCover}, run with the real nsfwjs model) ends {@code published} without any
 * manual step, and after a restart on the same state directory the kept secret and path token
 * still carry the next upload through.
 */
class DevPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theDemoUsersUploadIsPublishedByPushedEventsBeforeAndAfterARestart() throws Exception {
        ReviewSidecar.use();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        OpenVodConfig config = DevUploads.config(dir);
        Path state = dir.resolve("state");
        String firstReceiptUrl;
        String secrets;
        java.util.List<io.openvod.platform.events.push.WebhookSecret> webhookSecretIds;
        try (DevStack dev = DevStack.start(config, state, Clock.systemUTC())) {
            DevUploads.remember(dev);
            JsonNode written = JSON.readTree(dev.stateFile().toFile());
            firstReceiptUrl = dev.receiptUrl();
            assertThat(written.get("receiptUrl").asText()).isEqualTo(firstReceiptUrl)
                    .startsWith(dev.app().url() + "api/v1/vod/events/");
            assertThat(written.get("webUrl").asText()).isEqualTo(dev.app().url().toString());
            assertThat(written.get("procedure").asText()).isEqualTo(DevStack.DEV_PROCEDURE);
            secrets = Files.readString(state.resolve(DevReceiptSecrets.FILE));
            assertThat(secrets).as("the webhook secret is the platform's, not a file's").doesNotContain("whsec_");
            assertThat(Files.readString(dev.stateFile())).as("dev.json does not carry the webhook secret").doesNotContain("whsec_");
            webhookSecretIds = dev.platform().node().webhookSecrets().list(java.util.Optional.of(dev.key().appId()));
            assertThat(webhookSecretIds).as("the dev application has its own webhook secret").hasSize(1);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dev.stateFile())))
                    .as("dev.json holds the dev key's SecretKey").isEqualTo("rw-------");
            EventConfig events = dev.platform().node().eventConfigs().get(dev.key().appId());
            assertThat(events.mode()).isEqualTo("PUSH");
            assertThat(events.notificationUrl()).isEqualTo(firstReceiptUrl);

            String fileId = DevUploads.uploadAsDemo(dev, clip, "mp4");
            Video video = DevUploads.awaitPublished(dev, fileId, Duration.ofSeconds(60));
            assertThat(video.userId()).contains(DevStack.DEMO_USER);
            assertThat(video.review()).isEqualTo("pass");
            assertThat(dev.app().services().receivedEvents().recent(10)).extracting(StoredEvent::source).containsOnly("push");
            int unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(firstReceiptUrl)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    dev.app().services().receivedEvents().recent(1).getFirst().body())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            assertThat(unsigned).as("the receipt URL wants the platform's signature").isEqualTo(401);
        }
        try (DevStack again = DevStack.start(config, state, Clock.systemUTC())) {
            DevUploads.remember(again);
            assertThat(Files.readString(state.resolve(DevReceiptSecrets.FILE))).as("the path token is kept").isEqualTo(secrets);
            assertThat(again.platform().node().webhookSecrets().list(java.util.Optional.of(again.key().appId())))
                    .as("the webhook secret is kept, not made anew").isEqualTo(webhookSecretIds);
            String token = firstReceiptUrl.substring(firstReceiptUrl.lastIndexOf('/'));
            assertThat(again.receiptUrl()).as("the same path token on the app's new URL").endsWith(token);
            assertThat(again.platform().node().eventConfigs().get(again.key().appId()).notificationUrl()).isEqualTo(again.receiptUrl());

            String fileId = DevUploads.uploadAsDemo(again, clip, "mp4");
            assertThat(DevUploads.awaitPublished(again, fileId, Duration.ofSeconds(60)).userId()).contains(DevStack.DEMO_USER);
        }
    }
}
