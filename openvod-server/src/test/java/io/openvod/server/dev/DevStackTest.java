package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.config.PortInUseException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openvod dev}'s stack: the demo user gets a signature that the platform accepts; the dev key survives a restart; a
 * failure of either service's start (the app's database opens while the platform starts) leaves nothing open.
 */
class DevStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void theDemoUsersSignatureOpensAnUploadAndTheKeyIsKept() throws Exception {
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(null, dir, Map.of(), List.of(
                "platform.http.port=0", "app.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"))));
        String secretId;
        try (DevStack dev = DevStack.start(config, dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            JsonNode state = JSON.readTree(dev.stateFile().toFile());
            assertThat(state.get("platformUrl").asText()).isEqualTo(dev.platform().url());
            assertThat(state.get("secretId").asText()).isEqualTo(dev.key().secretId()).startsWith("AKID");
            secretId = dev.key().secretId();

            String token = post(state.get("appUrl").asText() + "api/v1/login", null,
                    "{\"user\":\"demo\",\"password\":\"" + state.get("password").asText() + "\"}").path("data").path("token").asText();
            JsonNode signed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(state.get("appUrl").asText()
                            + "api/v1/upload-signature")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String signature = signed.path("data").path("signature").asText();
            JsonNode apply = post(dev.platform().url() + "/v3/index.php?Action=ApplyUploadUGC", null,
                    "{\"signature\":\"" + signature + "\",\"videoName\":\"a\",\"videoType\":\"mp4\",\"videoSize\":1}");
            assertThat(apply.get("code").asInt()).as(apply.toString()).isZero();

            String moderator = post(state.get("appUrl").asText() + "api/v1/login", null, "{\"user\":\"" + state.get("moderator").asText()
                    + "\",\"password\":\"" + state.get("moderatorPassword").asText() + "\"}").path("data").path("token").asText();
            assertThat(queue(state, moderator)).as("the demo moderator sees the review queue").isEqualTo(200);
            assertThat(queue(state, token)).as("the demo user does not").isEqualTo(403);
        }
        try (DevStack again = DevStack.start(config, dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(again);
            assertThat(again.key().secretId()).as("the dev key is made once").isEqualTo(secretId);
        }
    }

    /** The configuration of a dev stack in {@code dir}, with these settings too. */
    private OpenVodConfig config(String... more) {
        List<String> settings = new ArrayList<>(List.of("platform.http.port=0", "app.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects")));
        settings.addAll(List.of(more));
        return new ConfigLoader().load(ConfigSources.resolve(null, dir, Map.of(), settings));
    }

    /** The names of the app database pool's live threads (HikariCP names them after the pool). */
    private static Set<Thread> appDatabaseThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("openvod-app-db"))
                .collect(Collectors.toSet());
    }

    @Test
    void anAppDatabaseThatCannotBeOpenedFailsTheStartAndStopsThePlatform() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        int platformPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            platformPort = free.getLocalPort();
        }
        OpenVodConfig config = config("platform.http.port=" + platformPort,
                "app.database.url=jdbc:sqlite:" + notADirectory.resolve("app.db"));

        assertThatThrownBy(() -> DevStack.start(config, dir.resolve("state"), Clock.systemUTC()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("cannot create the database file");

        try (ServerSocket again = new ServerSocket(platformPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the platform stopped and freed its port").isEqualTo(platformPort);
        }
    }

    @Test
    void aPlatformThatCannotStartClosesTheAppDatabaseOpenedMeanwhile() throws Exception {
        Set<Thread> before = appDatabaseThreads();
        try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            OpenVodConfig config = config("platform.http.port=" + held.getLocalPort(), "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"));

            assertThatThrownBy(() -> DevStack.start(config, dir.resolve("state"), Clock.systemUTC()))
                    .isInstanceOf(PortInUseException.class);
        }

        assertThat(dir.resolve("app.db")).as("the app's database was opened while the platform started").isRegularFile();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> left = appDatabaseThreads();
        left.removeAll(before);
        while (left.stream().anyMatch(Thread::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(left).as("the app database's pool is closed").noneMatch(Thread::isAlive);
    }

    private int queue(JsonNode state, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(state.get("appUrl").asText() + "api/v1/moderation/queue"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode post(String url, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
