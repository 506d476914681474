package io.openvod.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker killed in the middle of a real FFmpeg transcode is recovered: the platform runs as its
 * own JVM with {@code platform.flows.lease: 3s}, is killed with {@code kill -9} (and its orphaned
 * FFmpeg with it) while a Transcode task is running, and a new process on the same files takes the
 * task up again once its lease ran out and finishes the flow with outputs that play.
 */
class KilledWorkerRecoveryTest {
    private static final Pattern URL = Pattern.compile("UGC upload API on (http://\\S+)/v3/index\\.php");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SECONDS = 24;

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private final Map<Process, CompletableFuture<String>> urls = new ConcurrentHashMap<>();

    /** One row of {@code flow_tasks}. */
    record TaskRow(String id, String type, String status, int progress, int attempts) {
    }

    @AfterEach
    void stop() {
        for (Process p : processes) {
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aTranscodeKilledMidwayIsTakenUpAgainAndFinishes() throws Exception {
        long started = System.nanoTime();
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(SECONDS), 1280, 720);
        Path config = dir.resolve("openvod.yaml");
        Files.writeString(config, """
                keys:
                  - secretId: %s
                    secretKey: %s
                platform:
                  http: {host: 127.0.0.1, port: 0}
                  databaseUrl: jdbc:sqlite:%s
                  storage: {type: local, path: %s}
                  account: {appId: %d, name: test}
                  flows: {workers: 2, lease: 3s}
                """.formatted(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, dir.resolve("platform.db"),
                dir.resolve("objects"), PlatformFixture.APP_ID));

        Process first = startPlatform(config);
        String fileId = upload(urlOf(first), clip);
        String taskId = await("the flow of " + fileId, Duration.ofSeconds(20), () -> taskIdOf(fileId));
        TaskRow running = await("a Transcode with progress", Duration.ofSeconds(30), () -> tasks(taskId).stream()
                .filter(t -> t.type().equals("Transcode") && t.status().equals("PROCESSING") && t.progress() > 0 && t.progress() < 100)
                .findFirst());
        List<ProcessHandle> children = first.descendants().toList();
        assertThat(children).as("FFmpeg runs under the platform").anySatisfy(child ->
                assertThat(child.info().command().orElse("")).endsWith("ffmpeg"));
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        List<TaskRow> interrupted = tasks(taskId).stream().filter(t -> t.status().equals("PROCESSING")).toList();
        assertThat(interrupted).as("tasks the dead worker still holds").isNotEmpty().allMatch(t -> t.attempts() == 1);

        Process second = startPlatform(config);
        String url = urlOf(second);
        await("the flow to finish", Duration.ofSeconds(45), () -> flowStatus(taskId).filter(s -> s.equals("FINISH")));

        List<TaskRow> done = tasks(taskId);
        assertThat(done).extracting(TaskRow::status).containsOnly("SUCCESS");
        for (TaskRow task : interrupted) {
            assertThat(row(taskId, task.id()).attempts()).as("%s taken up again after the kill", task.type()).isEqualTo(2);
        }
        JsonNode procedure = describeTaskDetail(url, taskId).get("ProcedureTask");
        assertThat(procedure.get("Status").asText()).isEqualTo("FINISH");
        MediaProbe probe = new MediaProbe(FfmpegTools.bundled());
        int transcodes = 0;
        for (JsonNode result : procedure.get("MediaProcessResultSet")) {
            JsonNode task = result.get(result.get("Type").asText() + "Task");
            assertThat(task.get("Status").asText()).as(task.toString()).isEqualTo("SUCCESS");
            if (result.get("Type").asText().equals("Transcode")) {
                Path fetched = dir.resolve("out-" + transcodes++ + ".mp4");
                HttpResponse<Path> get = http.send(HttpRequest.newBuilder(URI.create(task.get("Output").get("Url").asText())).build(),
                        HttpResponse.BodyHandlers.ofFile(fetched));
                assertThat(get.statusCode()).isEqualTo(200);
                MediaMetadata meta = probe.probe(fetched);
                assertThat(meta.height()).isEqualTo(task.get("Output").get("Height").asInt());
                assertThat(meta.videoStreams().getFirst().codec()).isEqualTo("h264");
                assertThat((double) meta.duration()).isCloseTo(SECONDS, within(0.5));
            }
        }
        assertThat(transcodes).isEqualTo(2);
        System.out.printf("kill -9 mid-transcode: task %s at %d%% when killed, whole run %d ms%n", running.type(),
                running.progress(), (System.nanoTime() - started) / 1_000_000);
    }

    interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private static <T> T await(String what, Duration timeout, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + timeout + " in vain for " + what);
    }

    private Connection database() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("platform.db"));
        c.createStatement().execute("PRAGMA busy_timeout = 5000");
        return c;
    }

    private Optional<String> taskIdOf(String fileId) throws SQLException {
        return single("SELECT task_id FROM task_flows WHERE file_id = ?", fileId);
    }

    private Optional<String> flowStatus(String taskId) throws SQLException {
        return single("SELECT status FROM task_flows WHERE task_id = ?", taskId);
    }

    private Optional<String> single(String sql, String parameter) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private List<TaskRow> tasks(String taskId) throws SQLException {
        try (Connection c = database(); PreparedStatement s = c.prepareStatement(
                "SELECT id, type, status, progress, attempts FROM flow_tasks WHERE task_id = ? ORDER BY position")) {
            s.setString(1, taskId);
            List<TaskRow> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new TaskRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5)));
                }
            }
            return rows;
        }
    }

    private TaskRow row(String taskId, String id) throws SQLException {
        return tasks(taskId).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** Starts {@code openvod platform} in a new JVM, its temporary files under the test's directory. */
    private Process startPlatform(Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process process = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "io.openvod.server.Main", "--config", config.toString(), "platform", "--port", "0")
                .redirectErrorStream(true).start();
        processes.add(process);
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println("[platform " + process.pid() + "] " + line);
                    Matcher m = URL.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
            url.completeExceptionally(new AssertionError("the platform exited before listening"));
        });
        urls.put(process, url);
        return process;
    }

    private String urlOf(Process process) throws Exception {
        return urls.get(process).get(30, TimeUnit.SECONDS);
    }

    private String upload(String url, Path file) throws Exception {
        byte[] body = Files.readAllBytes(file);
        JsonNode apply = Uploads.data(ugc(url, "ApplyUploadUGC", Uploads.applyBody(signature("TranscodeCover"), "long", "mp4",
                body.length).toString()));
        CosTestClient cos = CosTestClient.forApply(url, apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), body, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return Uploads.data(ugc(url, "CommitUploadUGC", PlatformFixture.json().put("signature", signature(null))
                .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString())).get("fileId").asText();
    }

    private JsonNode describeTaskDetail(String url, String taskId) {
        Tc3TestClient.Answer answer = new Tc3TestClient(url, Clock.systemUTC()).call("DescribeTaskDetail",
                JSON.createObjectNode().put("TaskId", taskId).toString());
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        return answer.response();
    }

    private JsonNode ugc(String url, String action, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String signature(String procedure) {
        long now = System.currentTimeMillis() / 1000;
        SignatureParameters.Builder b = SignatureParameters.builder().secretId(PlatformFixture.SECRET_ID).currentTimeStamp(now)
                .expireTime(now + 3600).random(ThreadLocalRandom.current().nextLong(1L << 32));
        if (procedure != null) {
            b.procedure(procedure);
        }
        return UploadSigner.sign(b.build(), PlatformFixture.SECRET_KEY);
    }
}
