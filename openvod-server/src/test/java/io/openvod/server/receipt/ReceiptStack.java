package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.core.Secret;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.app.AppBackend;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import io.openvod.server.testing.ReviewSidecar;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two services as an operator runs them, in this JVM, over real HTTP: an OpenVOD platform
 * (flows with the real FFmpeg steps and the nsfwjs review sidecar, a sub-application for the
 * app with its own {@code whsec_} webhook secret, loopback callbacks allowed) and an app backend
 * signing with the platform's API key for that sub-application, with a user {@code alice} whose
 * role puts a procedure in every signature. Tests set the event mode and upload as alice does.
 */
public final class ReceiptStack implements AutoCloseable {
    public static final long SUB_APP_ID = 1_500_000_001L;
    static final String PATH_TOKEN = "receipt-e2e-path-token-0123456789";
    public static final String USER = "alice";
    public static final String PASSWORD = "a long password";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    private final AppBackend app;
    private final Secret webhookSecret;
    private final Path dir;
    private final String procedure;
    private final Tc3TestClient api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static {
        TestSecrets.rememberConstants(ReceiptStack.class);
    }

    private ReceiptStack(Platform platform, AppBackend app, Secret webhookSecret, Path dir, String procedure) {
        this.platform = platform;
        this.app = app;
        this.webhookSecret = webhookSecret;
        this.dir = dir;
        this.procedure = procedure;
        this.api = new Tc3TestClient(platform.url(), Clock.systemUTC());
    }

    /**
     * Starts the platform, then the app backend with {@code procedure} as alice's procedure and
     * further {@code app.…} settings (given the platform's URL).
     */
    public static ReceiptStack start(Path dir, String procedure, java.util.function.Function<String, List<String>> appSettings)
            throws IOException {
        return start(dir, procedure, List.of(), appSettings);
    }

    /** {@link #start(Path, String, java.util.function.Function)} with further {@code platform.…} settings. */
    public static ReceiptStack start(Path dir, String procedure, List<String> platformSettings,
                                     java.util.function.Function<String, List<String>> appSettings) throws IOException {
        ReviewSidecar.use();
        Path file = dir.resolve("openvod.yaml");
        writeConfig(file, procedure, "[]");
        List<String> overrides = new ArrayList<>(List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                "app.http.port=0", "app.database.url=jdbc:sqlite:" + dir.resolve("app.db")));
        overrides.addAll(platformSettings);
        OpenVodConfig platformConfig = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), overrides));
        Platform platform = Platform.start(platformConfig.platform(), platformConfig.signature(), platformConfig.keys(),
                Clock.systemUTC());
        try {
            platform.services().keys().addApp(PlatformFixture.APP_ID, SUB_APP_ID, "app");
            // The application's own webhook secret, which the app's receiver verifies.
            Secret webhookSecret = platform.node().webhookSecrets().create(SUB_APP_ID).secret();
            TestSecrets.remember(webhookSecret.reveal());
            writeConfig(file, procedure, "[" + webhookSecret.reveal() + "]");
            overrides.addAll(appSettings.apply(platform.url()));
            OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), overrides));
            AppBackend app = AppBackend.start(config.app(), Clock.systemUTC());
            app.services().accounts().createUser(USER, "", Optional.of(PASSWORD.toCharArray()));
            return new ReceiptStack(platform, app, webhookSecret, dir, procedure);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private static void writeConfig(Path file, String procedure, String webhookSecrets) throws IOException {
        Files.writeString(file, """
                keys:
                  - secretId: %s
                    secretKey: %s
                app:
                  vod: {secretId: %s, secretKey: %s, subAppId: %d}
                  policy:
                    defaultRole: user
                    roles:
                      user: {procedures: [%s], defaultProcedure: %s}
                  receipt:
                    pathToken: %s
                    webhookSecrets: %s
                platform:
                  events:
                    push:
                      timeout: 2s
                      firstRetry: 300ms
                      allowLoopback: true
                """.formatted(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, PlatformFixture.SECRET_ID,
                PlatformFixture.SECRET_KEY, SUB_APP_ID, procedure, procedure, PATH_TOKEN, webhookSecrets));
    }

    /**
     * Another app backend for the same application, on its own database, whose receiver holds
     * {@code webhookSecrets}; the caller closes it.
     */
    public AppBackend anotherReceiver(List<Secret> webhookSecrets) throws IOException {
        Path other = Files.createDirectories(dir.resolve("other-app"));
        Path file = other.resolve("openvod.yaml");
        writeConfig(file, procedure, webhookSecrets.stream().map(Secret::reveal).toList().toString());
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, other, Map.of(), List.of("app.http.port=0",
                "app.database.url=jdbc:sqlite:" + other.resolve("app.db"))));
        return AppBackend.start(config.app(), Clock.systemUTC());
    }

    /** The webhook secret of the app's application, made on the platform and held by the app's receiver. */
    public Secret webhookSecret() {
        return webhookSecret;
    }

    public Platform platform() {
        return platform;
    }

    public AppBackend app() {
        return app;
    }

    /** The app's push endpoint, as configured at VOD. */
    public String notificationUrl() {
        return app.url() + "api/v1/vod/events/" + PATH_TOKEN;
    }

    /** An API 3.0 call to the platform for the app's sub-application, signed with the platform key; answers {@code Response}. */
    public JsonNode call(String action, String extraJson) {
        String body = "{\"SubAppId\":" + SUB_APP_ID + (extraJson.isEmpty() ? "" : "," + extraJson) + "}";
        Tc3TestClient.Answer answer = api.call(action, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        return answer.response();
    }

    /** Alice signs in at the app, gets a signature for each step from it and uploads {@code file}; answers the FileId. */
    String uploadAsAlice(Path file) throws Exception {
        JsonNode login = post(app.url().resolve("api/v1/login"), null,
                "{\"user\":\"" + USER + "\",\"password\":\"" + PASSWORD + "\"}");
        String session = TestSecrets.remember(login.path("data").path("token").asText());
        assertThat(session).as(login.toString()).isNotEmpty();
        byte[] bytes = Files.readAllBytes(file);
        JsonNode apply = Uploads.data(post(URI.create(platform.url() + "/v3/index.php?Action=ApplyUploadUGC"), null,
                Uploads.applyBody(signature(session), "holiday", "mp4", bytes.length).toString()));
        assertThat(apply.get("appId").asLong()).as("the app signs for its sub-application").isEqualTo(SUB_APP_ID);
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode commit = Uploads.data(post(URI.create(platform.url() + "/v3/index.php?Action=CommitUploadUGC"), null,
                JSON.createObjectNode().put("signature", signature(session)).put("vodSessionKey", apply.get("vodSessionKey").asText())
                        .toString()));
        return commit.get("fileId").asText();
    }

    private String signature(String session) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(app.url().resolve("api/v1/upload-signature"))
                .header("Authorization", "Bearer " + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt(-1)).as(body.toString()).isZero();
        return body.path("data").path("signature").asText();
    }

    private JsonNode post(URI uri, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Waits until the app's video is published with its owner known, or fails with what the app has. */
    Video awaitPublished(String fileId, Duration timeout) throws InterruptedException {
        return awaitState(fileId, VideoState.PUBLISHED, timeout);
    }

    /** Waits until the app's video is in {@code state} with its owner known, or fails with what the app has. */
    Video awaitState(String fileId, VideoState state, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Video> video = app.services().videos().find(fileId);
            if (video.isPresent() && video.get().state() == state && video.get().userId().isPresent()) {
                return video.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the app's video " + fileId + " is not " + state + " within " + timeout + ": "
                + app.services().videos().find(fileId) + "; received events: " + app.services().receivedEvents().recent(10)
                + "; platform deliveries: " + deliveries(fileId));
    }

    /** The platform's deliveries of the upload's events. */
    List<DeliveryRecord> deliveries(String fileId) {
        return platform.node().push().deliveries().list(Optional.empty(), Optional.of(fileId), 50);
    }

    /** POSTs {@code json} to {@code url} without any signature; answers the status. */
    int postUnsigned(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GETs {@code url}; answers the body after checking it is 200. */
    byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            platform.close();
        }
    }
}
