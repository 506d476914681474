package io.openvod.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.storage.s3.S3MockProcess;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.testing.ReviewSidecar;
import io.openvod.testing.TestPostgres;
import io.openvod.testing.TestSecrets;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production mode end to end: three platform JVMs and two app-backend JVMs on loopback share one
 * PostgreSQL (a database each for the platform and the app) and one S3-compatible store (S3Mock),
 * behind round-robin proxies as an operator would put them. Uploads of all three kinds — UGC with
 * one PUT, UGC with a COS multipart upload, and API 3.0's server-side upload — run at once with
 * every request of an upload on another node; their task flows transcode, cut a cover and review
 * with the real FFmpeg and review sidecar. One platform node is killed with {@code kill -9} while
 * it runs FFmpeg. Then every upload must be stored intact, every flow finished, every event
 * received by the app exactly once and every video published.
 */
class ClusterIT {
    private static final String PROCEDURE = "ReviewAudioVideoTranscodeCover";
    private static final String USER = "alice";
    private static final String PASSWORD = "cluster-alice-password";
    private static final String BUCKET = "openvod-cluster";
    private static final int PLATFORM_NODES = 3;
    private static final int APP_NODES = 2;
    private static final int UPLOADS_PER_KIND = 3;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 12, unit = java.util.concurrent.TimeUnit.MINUTES)
    void uploadsFlowsAndEventsSurviveTheLossOfAPlatformNode() throws Exception {
        Path logs = Path.of("target", "test-logs", "cluster").toAbsolutePath();
        Files.createDirectories(logs);
        String platformDb = TestPostgres.newDatabaseUrl();
        String appDb = TestPostgres.newDatabaseUrl();
        List<NodeProcess> nodes = new ArrayList<>();
        try (S3MockProcess s3 = S3MockProcess.start(); RoundRobinProxy platformLb = new RoundRobinProxy();
             RoundRobinProxy appLb = new RoundRobinProxy()) {
            s3.createBucket(BUCKET);
            Path platformConfig = dir.resolve("platform.yaml");
            for (int i = 0; i < PLATFORM_NODES; i++) {
                Files.writeString(dir.resolve("platform-" + i + ".yaml"), platformYaml(platformDb, s3, platformLb.url(),
                        appLb.url(), dir.resolve("node-" + i)));
            }
            Files.copy(dir.resolve("platform-0.yaml"), platformConfig);
            String secret = ClusterData.webhookSecret(NodeProcess.run("events-secrets-create", "",
                    List.of("--config", platformConfig.toString(), "events", "secrets", "create")));
            Path appConfig = dir.resolve("app.yaml");
            Files.writeString(appConfig, appYaml(appDb, secret));
            NodeProcess.run("users-add", PASSWORD + "\n",
                    List.of("--config", appConfig.toString(), "users", "add", USER, "--password-stdin"));

            List<NodeProcess> platforms = new ArrayList<>();
            for (int i = 0; i < PLATFORM_NODES; i++) {
                platforms.add(NodeProcess.platform("platform-" + i, dir.resolve("platform-" + i + ".yaml"), logs));
            }
            List<NodeProcess> apps = new ArrayList<>();
            for (int i = 0; i < APP_NODES; i++) {
                apps.add(NodeProcess.app("app-" + i, appConfig, logs));
            }
            nodes.addAll(platforms);
            nodes.addAll(apps);
            List<String> platformUrls = platforms.stream().map(n -> n.awaitUrl(120)).toList();
            List<String> appUrls = apps.stream().map(n -> n.awaitUrl(120)).toList();
            platformUrls.forEach(platformLb::add);
            appUrls.forEach(appLb::add);

            Map<String, Path> uploaded = uploadAll(new ClusterUploads(platformUrls, appUrls, PASSWORD));
            NodeProcess victim = awaitFfmpeg(platforms, Duration.ofMinutes(3));
            victim.kill();

            Map<String, String> states = awaitFinalStates(appDb, uploaded.keySet(), Duration.ofMinutes(6));
            assertThat(states).as("every video is published").allSatisfy((fileId, state) -> assertThat(state).isEqualTo("PUBLISHED"));
            assertStoredIntact(platformDb, appDb, uploaded);
            assertFlowsFinished(platformDb, uploaded.keySet());
            assertEveryEventReceivedOnce(platformDb, appDb, uploaded.keySet());
            assertTaskDetailsFromSurvivors(platformDb, platforms, platformUrls, victim, uploaded.keySet());
            assertThat(s3.multipartUploadKeys(BUCKET)).as("no S3 multipart upload is left behind").isEmpty();
        } finally {
            for (NodeProcess node : nodes) {
                node.close();
            }
        }
    }

    /** Three uploads of each kind at once; answers each FileId with the file uploaded. */
    private Map<String, Path> uploadAll(ClusterUploads cluster) throws Exception {
        Path small = TestClips.mp4(dir.resolve("small.mp4"), Duration.ofSeconds(3), 320, 240);
        Path large = TestClips.ffmpeg(dir.resolve("large.mp4"), List.of("-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=duration=6:size=320x240:rate=25,noise=alls=30:allf=t", "-f", "lavfi", "-i", "sine=frequency=440:duration=6",
                "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", "-c:a", "aac",
                "-movflags", "+faststart", "-shortest", dir.resolve("large.mp4").toString()));
        byte[] smallBytes = Files.readAllBytes(small);
        byte[] largeBytes = Files.readAllBytes(large);
        assertThat(largeBytes.length).as("the multipart clip has two parts of 5 MiB and more").isGreaterThan(10 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Map<Future<String>, Path> started = new HashMap<>();
            for (int i = 0; i < UPLOADS_PER_KIND; i++) {
                // 5 MiB parts go into S3's own multipart upload; 1 MiB parts are stored apart and composed on Complete.
                int partSize = i % 2 == 0 ? 5 << 20 : 1 << 20;
                started.put(pool.submit(() -> cluster.ugcSimple(USER, smallBytes)), small);
                started.put(pool.submit(() -> cluster.ugcMultipart(USER, largeBytes, partSize)), large);
                started.put(pool.submit(() -> cluster.serverSide(PROCEDURE, smallBytes)), small);
            }
            Map<String, Path> uploaded = new HashMap<>();
            for (Map.Entry<Future<String>, Path> e : started.entrySet()) {
                uploaded.put(e.getKey().get(), e.getValue());
            }
            assertThat(uploaded).hasSize(3 * UPLOADS_PER_KIND);
            return uploaded;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first platform node seen running FFmpeg (a task in the middle of its work). */
    private static NodeProcess awaitFfmpeg(List<NodeProcess> platforms, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (NodeProcess node : platforms) {
                if (node.runsChild("ffmpeg")) {
                    return node;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no platform node ran FFmpeg within " + timeout);
    }

    private static Map<String, String> awaitFinalStates(String appDb, java.util.Set<String> fileIds, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> states = Map.of();
        while (System.nanoTime() < deadline) {
            states = videoStates(appDb, fileIds);
            if (states.size() == fileIds.size() && states.values().stream().allMatch(s -> s.equals("PUBLISHED") || s.equals("BLOCKED"))) {
                return states;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("videos not final within " + timeout + ": " + states);
    }

    private static Map<String, String> videoStates(String appDb, java.util.Set<String> fileIds) throws SQLException {
        Map<String, String> states = new HashMap<>();
        for (Map<String, Object> row : ClusterData.query(appDb, "SELECT file_id, state FROM videos")) {
            if (fileIds.contains((String) row.get("file_id"))) {
                states.put((String) row.get("file_id"), ((String) row.get("state")).toUpperCase(java.util.Locale.ROOT));
            }
        }
        return states;
    }

    /** Each video, fetched from its media URL (through the platforms' proxy), has the SHA-256 of the file uploaded. */
    private static void assertStoredIntact(String platformDb, String appDb, Map<String, Path> uploaded) throws Exception {
        Map<String, String> urls = new HashMap<>();
        for (Map<String, Object> row : ClusterData.query(appDb, "SELECT file_id, media_url FROM videos")) {
            urls.put((String) row.get("file_id"), (String) row.get("media_url"));
        }
        for (Map.Entry<String, Path> e : uploaded.entrySet()) {
            String url = urls.get(e.getKey());
            assertThat(url).as("media URL of " + e.getKey()).isNotBlank();
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            try (InputStream body = response.body()) {
                assertThat(Uploads.sha256(body)).as("SHA-256 of " + e.getKey()).isEqualTo(Uploads.sha256(e.getValue()));
            }
        }
    }

    private static void assertFlowsFinished(String platformDb, java.util.Set<String> fileIds) throws SQLException {
        List<Map<String, Object>> flows = ClusterData.query(platformDb, "SELECT task_id, file_id, status FROM task_flows");
        flows.removeIf(f -> !fileIds.contains((String) f.get("file_id")));
        assertThat(flows).as("two task flows per upload: the procedure's and its ReviewAudioVideo").hasSize(2 * fileIds.size());
        assertThat(flows).as("every flow finished").allSatisfy(f -> assertThat(f.get("status")).isEqualTo("FINISH"));
        List<Map<String, Object>> tasks = ClusterData.query(platformDb, "SELECT t.status, t.attempts FROM flow_tasks t");
        assertThat(tasks).as("every task succeeded").allSatisfy(t -> assertThat(t.get("status")).isEqualTo("SUCCESS"));
        assertThat(tasks).as("a task of the killed node was taken over after its lease")
                .anySatisfy(t -> assertThat(((Number) t.get("attempts")).intValue()).isGreaterThan(1));
    }

    /** Every event of the uploads was delivered, and the app stored and applied each exactly once. */
    private static void assertEveryEventReceivedOnce(String platformDb, String appDb, java.util.Set<String> fileIds) throws Exception {
        List<Map<String, Object>> outbox = awaitDeliveries(platformDb, fileIds, Duration.ofMinutes(1));
        assertThat(outbox.stream().map(e -> e.get("event_type")).distinct())
                .as("uploads, flow state changes and reviews").contains("NewFileUpload", "ProcedureStateChanged");
        assertThat(outbox).as("every event delivered").allSatisfy(e -> assertThat(e.get("state")).isEqualTo("DELIVERED"));
        List<Map<String, Object>> received = ClusterData.query(appDb, "SELECT event_id, state, attempts FROM received_events");
        Map<Object, Long> perEvent = new HashMap<>();
        received.forEach(r -> perEvent.merge(r.get("event_id"), 1L, Long::sum));
        for (Map<String, Object> e : outbox) {
            assertThat(perEvent.get(e.get("event_id"))).as("the app stored event " + e.get("event_id") + " once").isEqualTo(1L);
        }
        assertThat(received).as("each stored event processed once").allSatisfy(r -> {
            assertThat(r.get("state")).isIn("PROCESSED", "IGNORED");
            assertThat(((Number) r.get("attempts")).intValue()).isEqualTo(1);
        });
    }

    /**
     * The uploads' events with their delivery states, once every one is delivered or {@code timeout} has passed. A
     * POST in flight on the killed node when it died is sent again only when its claim's lease (timeout + 5 s) ends,
     * which may be after the videos are final: the app can publish on the later events.
     */
    private static List<Map<String, Object>> awaitDeliveries(String platformDb, java.util.Set<String> fileIds, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Map<String, Object>> outbox = ClusterData.query(platformDb,
                    "SELECT o.event_id, o.file_id, o.event_type, d.state FROM event_outbox o JOIN event_deliveries d ON d.event_id = o.event_id");
            outbox.removeIf(e -> !fileIds.contains((String) e.get("file_id")));
            if (outbox.stream().allMatch(e -> "DELIVERED".equals(e.get("state"))) || System.nanoTime() > deadline) {
                return outbox;
            }
            Thread.sleep(500);
        }
    }

    /** DescribeTaskDetail answers every flow FINISH from each surviving node. */
    private static void assertTaskDetailsFromSurvivors(String platformDb, List<NodeProcess> platforms, List<String> urls,
                                                       NodeProcess victim, java.util.Set<String> fileIds) throws SQLException {
        List<String> survivors = new ArrayList<>();
        for (int i = 0; i < platforms.size(); i++) {
            if (platforms.get(i) != victim) {
                survivors.add(urls.get(i));
            }
        }
        ClusterUploads api = new ClusterUploads(survivors, List.of(), PASSWORD);
        for (Map<String, Object> flow : ClusterData.query(platformDb, "SELECT task_id, file_id FROM task_flows")) {
            if (fileIds.contains((String) flow.get("file_id"))) {
                JsonNode detail = api.api("DescribeTaskDetail", "{\"TaskId\":\"" + flow.get("task_id") + "\"}");
                assertThat(detail.path("Status").asText()).as(detail.toString()).isEqualTo("FINISH");
            }
        }
    }

    private static String platformYaml(String databaseUrl, S3MockProcess s3, String publicUrl, String appUrl, Path nodeDir) {
        TestSecrets.remember(PlatformFixture.SECRET_KEY);
        return """
                keys:
                  - secretId: %s
                    secretKey: "%s"
                platform:
                  http:
                    publicUrl: "%s"
                  databaseUrl: "%s"
                  storage:
                    type: s3
                    path: "%s"
                    s3:
                      endpoint: "%s"
                      region: %s
                      bucket: %s
                      accessKeyId: %s
                      secretAccessKey: "%s"
                      pathStyle: true
                  account:
                    appId: %d
                  events:
                    mode: PUSH
                    notificationUrl: "%s/api/v1/vod/events"
                    push:
                      timeout: 3s
                      firstRetry: 300ms
                      allowLoopback: true
                  flows:
                    workers: 1
                    lease: 3s
                    retry:
                      first: 200ms
                  review:
                    nsfwjs:
                      sidecar: "%s"
                """.formatted(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, publicUrl, databaseUrl,
                nodeDir.resolve("objects"), s3.endpoint(), S3MockProcess.REGION, BUCKET, S3MockProcess.ACCESS_KEY_ID,
                S3MockProcess.SECRET_ACCESS_KEY.reveal(), PlatformFixture.APP_ID, appUrl, ReviewSidecar.directory());
    }

    private static String appYaml(String databaseUrl, String webhookSecret) {
        return """
                app:
                  database:
                    url: "%s"
                  vod:
                    secretId: %s
                    secretKey: "%s"
                    subAppId: %d
                  rateLimit:
                    perUserPerMinute: 1000
                    perIpPerMinute: 1000
                  policy:
                    roles:
                      user:
                        procedures: [%s]
                        defaultProcedure: %s
                  receipt:
                    webhookSecrets: ["%s"]
                """.formatted(databaseUrl, PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, PlatformFixture.APP_ID,
                PROCEDURE, PROCEDURE, webhookSecret);
    }
}
