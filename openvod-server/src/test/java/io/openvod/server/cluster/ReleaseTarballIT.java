package io.openvod.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.cluster.NodeProcess.Launcher;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release an operator installs: {@code scripts/release.sh} builds {@code openvod-<version>.tar.gz}
 * from the packaged runnable jar (or the system property {@code openvod.release.tarball} names one
 * built before); it is unpacked into an empty folder under {@code java.io.tmpdir}, and from there its
 * own {@code bin/openvod} runs the administration commands, an app node and a platform node (SQLite
 * and local storage in the temporary folder; nothing of the checkout but the tarball). One UGC
 * upload of a real MP4 with the procedure {@code ReviewAudioVideoTranscodeCover} — signature from the
 * app, ApplyUploadUGC, PUT, CommitUploadUGC on the platform — is transcoded, reviewed by the bundled
 * sidecar and published at the app. The nodes' output goes to {@code target/test-logs/release/}.
 */
class ReleaseTarballIT {
    private static final String PROCEDURE = "ReviewAudioVideoTranscodeCover";
    private static final String USER = "installer";
    private static final String PASSWORD = "release-installer-password";
    private static final Pattern TARBALL = Pattern.compile("openvod-(.+)\\.tar\\.gz");
    private static final Path LOGS = Path.of("target", "test-logs", "release").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void anUnpackedReleaseRunsAnUploadThroughReviewToPublished() throws Exception {
        Files.createDirectories(LOGS);
        Path tarball = tarball();
        Matcher name = TARBALL.matcher(tarball.getFileName().toString());
        assertThat(name.matches()).as("the tarball is named openvod-<version>.tar.gz: " + tarball).isTrue();
        Path home = unpack(tarball, Files.createDirectories(dir.resolve("opt")));
        assertThat(home.getFileName().toString()).isEqualTo("openvod-" + name.group(1));
        assertLayout(home);

        Path data = Files.createDirectories(dir.resolve("data"));
        Launcher launcher = new Launcher(List.of("env", "OPENVOD_JAVA_HOME=" + System.getProperty("java.home"),
                "OPENVOD_JAVA_OPTS=-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
                home.resolve("bin/openvod").toString()), data);
        assertThat(NodeProcess.run("version", launcher, "", List.of("--version"))).contains("openvod " + name.group(1));
        for (String shipped : List.of("conf/openvod.yaml", "docker/platform.yaml", "docker/app.yaml")) {
            assertThat(NodeProcess.run("config-show", launcher, "", List.of("--config", home.resolve(shipped).toString(), "config", "show")))
                    .as("the shipped " + shipped + " is a valid configuration").contains("platform:", "app:");
        }

        List<NodeProcess> nodes = new ArrayList<>();
        try {
            Path platformConfig = data.resolve("platform.yaml");
            Files.writeString(platformConfig, platformYaml(data, "http://127.0.0.1:9"));
            String secret = ClusterData.webhookSecret(NodeProcess.run("events-secrets-create", launcher, "",
                    List.of("--config", platformConfig.toString(), "events", "secrets", "create")));
            Path appConfig = data.resolve("app.yaml");
            Files.writeString(appConfig, appYaml(data, secret));
            NodeProcess.run("users-add", launcher, PASSWORD + "\n",
                    List.of("--config", appConfig.toString(), "users", "add", USER, "--password-stdin"));
            assertThat(home.resolve("cds/users.jsa")).as("the launcher's class-data sharing archive of `users`, in the "
                    + "unpacked (writable) release, written when that command's JVM exited").isNotEmptyFile();

            NodeProcess app = NodeProcess.app("release-app", launcher, appConfig, LOGS);
            nodes.add(app);
            String appUrl = app.awaitUrl(90);
            Files.writeString(platformConfig, platformYaml(data, appUrl));
            NodeProcess platform = NodeProcess.platformAlone("release-platform", launcher, platformConfig, LOGS);
            nodes.add(platform);
            String platformUrl = platform.awaitUrl(90);

            Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
            String fileId = new ClusterUploads(List.of(platformUrl), List.of(appUrl), PASSWORD)
                    .ugcSimple(USER, Files.readAllBytes(clip));

            String state = awaitFinalState(data.resolve("app.db"), fileId, Duration.ofMinutes(3));
            assertThat(state).as("the video of " + fileId).isEqualTo("PUBLISHED");
            assertFlowsFinished(data.resolve("platform.db"), fileId);
            assertServedIntact(data.resolve("app.db"), fileId, clip);
        } finally {
            for (NodeProcess node : nodes) {
                node.close();
            }
        }
    }

    /** The tarball named by {@code openvod.release.tarball}, else one built now by the release script. */
    private static Path tarball() throws IOException, InterruptedException {
        String given = System.getProperty("openvod.release.tarball");
        if (given != null && !given.isBlank()) {
            return Path.of(given).toAbsolutePath();
        }
        Path checkout = Path.of(System.getProperty("openvod.checkout", "..")).toAbsolutePath().normalize();
        Path output = Path.of("target", "release-it").toAbsolutePath();
        Path log = LOGS.resolve("release-build.log");
        ProcessBuilder build = new ProcessBuilder("bash", checkout.resolve("scripts/release.sh").toString(), "--no-build",
                "--output", output.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        build.environment().put("OPENVOD_JAVA_HOME", System.getProperty("java.home"));
        build.environment().put("OPENVOD_RELEASE_GZIP_LEVEL", "1");
        Process process = build.start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("the release script finished; see " + log).isTrue();
        assertThat(process.exitValue()).as("the release script's exit code; see " + log).isZero();
        String printed = Files.readAllLines(log).getLast();
        Path tarball = Path.of(printed);
        assertThat(tarball).as("the script prints the tarball it wrote").isRegularFile().hasParent(output);
        return tarball;
    }

    /** {@code tar -xzf} into {@code into}, which was empty; answers the one directory the tarball holds. */
    private static Path unpack(Path tarball, Path into) throws IOException, InterruptedException {
        Process tar = new ProcessBuilder("tar", "-C", into.toString(), "-xzf", tarball.toString())
                .redirectErrorStream(true).redirectOutput(LOGS.resolve("release-unpack.log").toFile()).start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).as("tar -xzf " + tarball).isZero();
        try (Stream<Path> top = Files.list(into)) {
            List<Path> entries = top.toList();
            assertThat(entries).as("the tarball holds one top-level directory").hasSize(1);
            return entries.getFirst();
        }
    }

    private static void assertLayout(Path home) {
        assertThat(home.resolve("bin/openvod")).isExecutable();
        assertThat(home.resolve("libexec/java.sh")).isRegularFile();
        assertThat(home.resolve("libexec/cds.sh")).isRegularFile();
        assertThat(home.resolve("lib/openvod-server.jar")).isRegularFile();
        assertThat(home.resolve("lib/lib")).isDirectory();
        for (String file : List.of("server.mjs", "package.json", "package-lock.json")) {
            assertThat(home.resolve("review").resolve(file)).isRegularFile();
        }
        assertThat(home.resolve("review/node_modules/nsfwjs")).as("the sidecar's packages are installed").isDirectory();
        assertThat(home.resolve("conf/openvod.yaml")).content().contains("# platform:", "#   review:");
        assertThat(home.resolve("systemd/openvod-platform.service")).content()
                .contains("User=openvod", "EnvironmentFile=", "Restart=on-failure", "NoNewPrivileges=true",
                        "ProtectSystem=strict", "ReadWritePaths=");
        assertThat(home.resolve("systemd/openvod-app.service")).content().contains("User=openvod", "ExecStart=/opt/openvod/bin/openvod app");
        assertThat(home.resolve("Dockerfile")).content().contains("eclipse-temurin:21", "USER openvod");
        assertThat(home.resolve("docker/docker-compose.yml")).content().contains("platform-1:", "platform-2:", "minio", "nginx");
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("docs/operations.md")).content().contains("## Release and installation");
    }

    private static String awaitFinalState(Path appDb, String fileId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String state = null;
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = ClusterData.query(sqlite(appDb), "SELECT state FROM videos WHERE file_id = ?", fileId);
            state = rows.isEmpty() ? null : ((String) rows.getFirst().get("state")).toUpperCase(Locale.ROOT);
            if ("PUBLISHED".equals(state) || "BLOCKED".equals(state)) {
                return state;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the video of " + fileId + " is not final within " + timeout + ": " + state
                + "; see the logs in " + LOGS);
    }

    /** The procedure's flow and its ReviewAudioVideo flow both finished, every task a success. */
    private static void assertFlowsFinished(Path platformDb, String fileId) throws SQLException {
        List<Map<String, Object>> flows = ClusterData.query(sqlite(platformDb), "SELECT status FROM task_flows WHERE file_id = ?", fileId);
        assertThat(flows).as("the procedure's flow and its review flow").hasSize(2)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("FINISH"));
        List<Map<String, Object>> tasks = ClusterData.query(sqlite(platformDb),
                "SELECT t.status FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id WHERE f.file_id = ?", fileId);
        assertThat(tasks).isNotEmpty().allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCESS"));
    }

    /** The app's media URL of the video serves the very bytes uploaded. */
    private static void assertServedIntact(Path appDb, String fileId, Path clip) throws Exception {
        String url = (String) ClusterData.query(sqlite(appDb), "SELECT media_url FROM videos WHERE file_id = ?", fileId)
                .getFirst().get("media_url");
        HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(Uploads.sha256(body)).isEqualTo(Uploads.sha256(clip));
        }
    }

    private static String sqlite(Path file) {
        return "jdbc:sqlite:" + file;
    }

    private static String platformYaml(Path data, String appUrl) {
        TestSecrets.remember(PlatformFixture.SECRET_KEY);
        return """
                keys:
                  - secretId: %s
                    secretKey: "%s"
                platform:
                  databaseUrl: "jdbc:sqlite:%s"
                  storage:
                    type: local
                    path: "%s"
                  account:
                    appId: %d
                  events:
                    notificationUrl: "%s/api/v1/vod/events"
                    push:
                      timeout: 3s
                      firstRetry: 300ms
                      allowLoopback: true
                  flows:
                    workers: 1
                    retry:
                      first: 200ms
                      maxElapsed: 1m
                """.formatted(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, data.resolve("platform.db"),
                data.resolve("objects"), PlatformFixture.APP_ID, appUrl);
    }

    private static String appYaml(Path data, String webhookSecret) {
        return """
                app:
                  database:
                    url: "jdbc:sqlite:%s"
                  vod:
                    secretId: %s
                    secretKey: "%s"
                    subAppId: %d
                  policy:
                    roles:
                      user:
                        procedures: [%s]
                        defaultProcedure: %s
                  receipt:
                    webhookSecrets: ["%s"]
                """.formatted(data.resolve("app.db"), PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY,
                PlatformFixture.APP_ID, PROCEDURE, PROCEDURE, webhookSecret);
    }
}
