package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.testing.TestSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test helpers for a running {@link DevStack}: its configuration in a directory, and uploads as the demo user does them. */
public final class DevUploads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DevUploads() {
    }

    /** {@code openvod dev}'s configuration with free ports, and the databases and objects under {@code dir}. */
    public static OpenVodConfig config(Path dir, String... settings) {
        List<String> overrides = new ArrayList<>(List.of("platform.http.port=0", "app.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"), "platform.events.push.firstRetry=300ms"));
        overrides.addAll(List.of(settings));
        return new ConfigLoader().load(ConfigSources.resolve(null, dir, Map.of(), overrides));
    }

    /**
     * Remembers the secrets of a running dev stack for the suite's log scan: the dev key's SecretKey,
     * the demo and moderator passwords, the dev application's webhook secrets, and the path token kept in its state directory.
     */
    public static DevStack remember(DevStack dev) {
        TestSecrets.remember(dev.key().secretKey());
        TestSecrets.remember(DevStack.DEMO_PASSWORD);
        TestSecrets.remember(DevStack.MODERATOR_PASSWORD);
        DevReceiptSecrets receipt = DevReceiptSecrets.loadOrCreate(dev.stateFile().getParent());
        dev.platform().node().webhookSecrets().signing(dev.key().appId()).forEach(s -> TestSecrets.remember(s.reveal()));
        TestSecrets.remember(receipt.pathToken());
        return dev;
    }

    /** The demo user signs in at the dev app, gets a signature for each step and uploads {@code bytes}; answers the FileId. */
    public static String uploadAsDemo(DevStack dev, byte[] bytes, String type) throws Exception {
        String session = post(dev.app().url().resolve("api/v1/login"),
                "{\"user\":\"" + DevStack.DEMO_USER + "\",\"password\":\"" + DevStack.DEMO_PASSWORD + "\"}").path("data").path("token").asText();
        TestSecrets.remember(session);
        assertThat(session).as("the demo user signs in").isNotEmpty();
        String platform = dev.platform().url();
        JsonNode apply = Uploads.data(post(URI.create(platform + "/v3/index.php?Action=ApplyUploadUGC"),
                Uploads.applyBody(signature(dev, session), "demo clip", type, bytes.length).toString()));
        CosTestClient cos = CosTestClient.forApply(platform, apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode commit = Uploads.data(post(URI.create(platform + "/v3/index.php?Action=CommitUploadUGC"),
                JSON.createObjectNode().put("signature", signature(dev, session))
                        .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString()));
        return commit.get("fileId").asText();
    }

    /** Waits until the app's video is published, or fails with what the app and the platform have. */
    public static Video awaitPublished(DevStack dev, String fileId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Video> video = dev.app().services().videos().find(fileId);
            if (video.isPresent() && video.get().state() == VideoState.PUBLISHED) {
                return video.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the app's video " + fileId + " is not published within " + timeout + ": "
                + dev.app().services().videos().find(fileId) + "; received events: " + dev.app().services().receivedEvents().recent(10)
                + "; platform deliveries: " + dev.platform().node().push().deliveries().list(Optional.empty(), Optional.of(fileId), 50));
    }

    /** Signs {@code user} in at the dev app; answers the session token (remembered as a secret). */
    public static String login(DevStack dev, String user, String password) throws Exception {
        String session = post(dev.app().url().resolve("api/v1/login"),
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}").path("data").path("token").asText();
        TestSecrets.remember(session);
        assertThat(session).as(user + " signs in").isNotEmpty();
        return session;
    }

    /** {@code GET} of the dev app's {@code path} with a bearer token: the status and the JSON answer. */
    public static Answer get(DevStack dev, String path, String bearer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(dev.app().url().resolve(path))
                .header("Authorization", "Bearer " + bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** {@code POST} of the dev app's {@code path} with a bearer token and no body: the status and the JSON answer. */
    public static Answer post(DevStack dev, String path, String bearer) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(dev.app().url().resolve(path))
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    /** An answer of the app's API. */
    public record Answer(int status, JsonNode body) {
    }

    /** The demo user's signature for one upload step (a fresh one each time). */
    public static String demoSignature(DevStack dev, String session) throws Exception {
        return signature(dev, session);
    }

    private static String signature(DevStack dev, String session) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(dev.app().url().resolve("api/v1/upload-signature"))
                .header("Authorization", "Bearer " + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt(-1)).as(body.toString()).isZero();
        return body.path("data").path("signature").asText();
    }

    private static JsonNode post(URI uri, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
