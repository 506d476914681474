package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.app.AppBackend;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import io.openvod.testing.TestSecrets;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code openvod dev}, the README's separate {@code openvod platform} and {@code openvod app} on
 * the same databases carry an upload to {@code published}: dev stores no event settings (its push to
 * its app is configuration), removes those an earlier version stored, and the README's commands —
 * the platform with {@code platform.events.mode=PULL}, the app pulling from it with the key — deliver
 * every event, none left {@code PENDING}.
 */
class StandaloneAfterDevTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "alice-password-1";

    @TempDir
    Path dir;

    @Test
    void theReadmesStandalonePlatformAndAppDeliverEveryEventAfterDev() throws Exception {
        OpenVodConfig devConfig = DevUploads.config(dir);
        Path state = dir.resolve("state");
        long appId = devConfig.platform().account().appId();
        ApiKey key;
        try (DevStack dev = DevStack.start(devConfig, state, Clock.systemUTC())) {
            DevUploads.remember(dev);
            assertThat(dev.platform().node().eventConfigs().stored()).as("dev's push to its app is not stored").isEmpty();
            assertThat(dev.platform().node().eventConfigs().get(appId).notificationUrl()).isEqualTo(dev.receiptUrl());
            // what earlier versions of openvod dev stored at every start
            dev.platform().node().eventConfigs().put(new EventConfig(appId, "PUSH", dev.receiptUrl(), "ON", "ON", "OFF"));
        }
        try (DevStack again = DevStack.start(devConfig, state, Clock.systemUTC())) {
            DevUploads.remember(again);
            assertThat(again.platform().node().eventConfigs().stored()).as("an earlier dev's setting is removed").isEmpty();
            key = again.key();
        }

        // README: ./openvod platform --set platform.events.mode=PULL
        //         OPENVOD_APP_VOD_SECRET_ID=AKID... OPENVOD_APP_VOD_SECRET_KEY=... ./openvod app --pull-endpoint http://127.0.0.1:8082
        int port = freePort();
        String platformUrl = "http://127.0.0.1:" + port;
        OpenVodConfig standalone = new ConfigLoader().load(ConfigSources.resolve(null, dir,
                Map.of("OPENVOD_APP_VOD_SECRET_ID", key.secretId(), "OPENVOD_APP_VOD_SECRET_KEY", key.secretKey()), List.of(
                        "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                        "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"), "platform.http.port=" + port, "app.http.port=0",
                        "platform.events.mode=PULL", "app.receipt.pull.enabled=true", "app.receipt.pull.endpoint=" + platformUrl)));
        try (Platform platform = Platform.start(standalone.platform(), standalone.signature(), standalone.keys(), Clock.systemUTC());
             AppBackend app = AppBackend.start(standalone.app(), Clock.systemUTC())) {
            assertThat(platform.node().eventConfigs().get(appId).mode()).isEqualTo("PULL");
            app.services().accounts().createUser("alice", "", Optional.of(PASSWORD.toCharArray()));
            TestSecrets.remember(PASSWORD);
            String session = login(app, "alice", PASSWORD);
            byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(1), 160, 120));
            String fileId = upload(app, platformUrl, session, clip);

            Video video = awaitVideo(app, fileId, Duration.ofSeconds(30));
            assertThat(video.state()).isEqualTo(VideoState.PUBLISHED);
            assertThat(video.userId()).contains("alice");
            // The app confirms a pulled event after it processed it, so the confirmation may follow the video's new state.
            List<DeliveryRecord> deliveries = awaitConfirmed(platform, fileId, Duration.ofSeconds(10));
            assertThat(deliveries).as("every event of the upload was pulled and confirmed").isNotEmpty()
                    .allSatisfy(d -> {
                        assertThat(d.channel()).isEqualTo("PULL");
                        assertThat(d.state()).isEqualTo("CONFIRMED");
                    });
        }
    }

    /** The upload's deliveries once all are CONFIRMED, or as they are when {@code timeout} ran out. */
    private static List<DeliveryRecord> awaitConfirmed(Platform platform, String fileId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<DeliveryRecord> deliveries = platform.node().push().deliveries().list(Optional.empty(), Optional.of(fileId), 10);
            if (System.nanoTime() > deadline || (!deliveries.isEmpty() && deliveries.stream().allMatch(d -> d.state().equals("CONFIRMED")))) {
                return deliveries;
            }
            Thread.sleep(50);
        }
    }

    private static Video awaitVideo(AppBackend app, String fileId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Video> video = app.services().videos().find(fileId);
            if (video.isPresent() && video.get().state() != VideoState.UPLOADED && video.get().state() != VideoState.PROCESSING) {
                return video.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no video " + fileId + " at the standalone app within " + timeout + ": "
                + app.services().videos().find(fileId) + "; received: " + app.services().receivedEvents().recent(10));
    }

    private static String login(AppBackend app, String user, String password) throws Exception {
        String session = post(app.url().resolve("api/v1/login"), null,
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}").path("data").path("token").asText();
        TestSecrets.remember(session);
        assertThat(session).isNotEmpty();
        return session;
    }

    /** The user's upload of {@code bytes} with the app's signatures, as the web page does it; answers the FileId. */
    private static String upload(AppBackend app, String platformUrl, String session, byte[] bytes) throws Exception {
        JsonNode apply = Uploads.data(post(URI.create(platformUrl + "/v3/index.php?Action=ApplyUploadUGC"), null,
                Uploads.applyBody(signature(app, session), "clip", "mp4", bytes.length).toString()));
        CosTestClient cos = CosTestClient.forApply(platformUrl, apply);
        assertThat(cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of()).statusCode())
                .isEqualTo(200);
        JsonNode commit = Uploads.data(post(URI.create(platformUrl + "/v3/index.php?Action=CommitUploadUGC"), null,
                JSON.createObjectNode().put("signature", signature(app, session))
                        .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString()));
        return commit.get("fileId").asText();
    }

    private static String signature(AppBackend app, String session) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(app.url().resolve("api/v1/upload-signature"))
                .header("Authorization", "Bearer " + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt(-1)).as(body.toString()).isZero();
        return body.path("data").path("signature").asText();
    }

    private static JsonNode post(URI uri, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
