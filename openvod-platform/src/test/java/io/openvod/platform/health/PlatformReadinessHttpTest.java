package io.openvod.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.catalog.MediaInspector;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.ProbeInspector;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.sql.PlatformStores;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.local.LocalDiskObjectStore;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /health/live} and {@code /health/ready} over real HTTP, while the database or the object storage goes away and comes back. */
class PlatformReadinessHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    record Reply(int status, JsonNode body, String raw) {
    }

    @Test
    void readinessFollowsTheLocalStorageDirectoryAndLivenessStaysUp() throws Exception {
        try (PlatformFixture platform = PlatformFixture.start(dir)) {
            String url = platform.node().listenUrl();
            Reply ready = get(url + "/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body().path("status").asText()).isEqualTo("ready");
            assertThat(ready.body().path("checks").path("database").path("status").asText()).isEqualTo("up");
            assertThat(ready.body().path("checks").path("storage").path("status").asText()).isEqualTo("up");
            assertThat(ready.body().path("checks").path("storage").has("millis")).isTrue();

            Path objects = dir.resolve("objects");
            Path away = dir.resolve("objects-away");
            Files.move(objects, away);
            Reply notReady = get(url + "/health/ready");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.body().path("status").asText()).isEqualTo("not ready");
            assertThat(notReady.body().path("checks").path("storage").path("status").asText()).isEqualTo("down");
            assertThat(notReady.body().path("checks").path("storage").path("error").asText()).contains("cannot write");
            assertThat(notReady.body().path("checks").path("database").path("status").asText()).isEqualTo("up");
            assertThat(notReady.raw()).doesNotContain(PlatformFixture.SECRET_KEY);
            assertLive(url);

            Files.move(away, objects);
            Reply back = get(url + "/health/ready");
            assertThat(back.status()).as(back.raw()).isEqualTo(200);
            assertLive(url);
        }
    }

    @Test
    void readinessFollowsAPostgresDatabaseThatRefusesConnectionsAndComesBack() throws Exception {
        String jdbcUrl = TestPostgres.newDatabaseUrl();
        try (PlatformDatabase database = PlatformDatabase.open(jdbcUrl);
             ObjectStore store = LocalDiskObjectStore.open(dir.resolve("objects"));
             PlatformNode node = startNode(database, store)) {
            String url = node.listenUrl();
            assertThat(get(url + "/health/ready").status()).isEqualTo(200);

            TestPostgres.allowConnections(jdbcUrl, false);
            long start = System.nanoTime();
            Reply down = get(url + "/health/ready");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().path("checks").path("database").path("status").asText()).isEqualTo("down");
            assertThat(down.body().path("checks").path("database").path("error").asText()).isNotBlank();
            assertThat(down.body().path("checks").path("storage").path("status").asText()).isEqualTo("up");
            assertThat(down.raw()).doesNotContain(jdbcUrl);
            assertLive(url);

            TestPostgres.allowConnections(jdbcUrl, true);
            Instant until = Instant.now().plusSeconds(40);
            Reply again = get(url + "/health/ready");
            while (again.status() != 200 && Instant.now().isBefore(until)) {
                Thread.sleep(250);
                again = get(url + "/health/ready");
            }
            assertThat(again.status()).as(again.raw()).isEqualTo(200);
            assertThat(again.body().path("checks").path("database").path("status").asText()).isEqualTo("up");
        }
    }

    @Test
    void theAdaptersChecksJoinTheReportAndAnIdleReviewerIsReady() throws Exception {
        String jdbcUrl = io.openvod.core.sql.SqlDatabase.sqliteUrl(dir.resolve("platform.db"));
        try (PlatformDatabase database = PlatformDatabase.open(jdbcUrl);
             ObjectStore store = LocalDiskObjectStore.open(dir.resolve("objects"));
             PlatformNode node = startNode(database, store, List.of(
                     new ReviewCheck(new io.openvod.platform.review.NsfwjsSidecar(dir.resolve("no-sidecar"), "node")),
                     new FfmpegCheck(new FfmpegTools(Optional.of(dir.resolve("no-ffmpeg")), Optional.empty()))))) {
            Reply reply = get(node.listenUrl() + "/health/ready");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body().path("checks").path("review").path("status").asText()).isEqualTo("idle");
            assertThat(reply.body().path("checks").path("ffmpeg").path("status").asText()).isEqualTo("down");
            assertThat(reply.body().path("checks").path("ffmpeg").path("error").asText()).contains("no-ffmpeg");
            assertThat(reply.body().path("checks").fieldNames()).toIterable()
                    .containsExactly("database", "storage", "review", "ffmpeg");
        }
    }

    private PlatformNode startNode(PlatformDatabase database, ObjectStore store) {
        return startNode(database, store, List.of());
    }

    private PlatformNode startNode(PlatformDatabase database, ObjectStore store, List<io.openvod.core.health.HealthCheck> checks) {
        Clock clock = Clock.systemUTC();
        PlatformStores stores = PlatformStores.on(database, List.of(new ApiKey(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY,
                PlatformFixture.APP_ID, true, Instant.EPOCH, true)), io.openvod.platform.config.EventsConfig.defaults(), clock);
        MediaInspector inspector = new ProbeInspector(new MediaProbe(FfmpegTools.bundled()), store);
        return PlatformNode.start(PlatformFixture.config(PlatformFixture.defaultUpload(), dir),
                new PlatformNode.SignatureRules(Duration.ofMinutes(5), Duration.ofDays(90), 32768),
                new PlatformNode.Adapters(stores, store, inspector, Optional.empty(), checks), clock,
                new PlatformNode.TaskFlows(List.of(), FlowSettings.defaults().withWorkers(0)));
    }

    private static void assertLive(String url) throws Exception {
        for (String path : List.of("/health/live", "/health")) {
            Reply live = get(url + path);
            assertThat(live.status()).as(path).isEqualTo(200);
            assertThat(live.body().path("status").asText()).isEqualTo("up");
        }
    }

    private static Reply get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JSON.readTree(response.body()), response.body());
    }
}
