package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.media.TestClips;
import io.openvod.server.dev.DevStack;
import io.openvod.server.dev.DevUploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code openvod upload} against a running dev stack: defaults from dev.json or explicit flags,
 * the media stored with the file's size, {@code --json} alone on stdout, clear failures.
 */
class UploadCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static DevStack dev;
    static String state;
    static String sessions;

    @BeforeAll
    static void start() {
        dev = DevStack.start(DevUploads.config(dir, "platform.flows.workers=0"), dir.resolve("state"), Clock.systemUTC());
        DevUploads.remember(dev);
        state = dir.resolve("state").toString();
        sessions = dir.resolve("sessions").toString();
    }

    @AfterAll
    static void stop() {
        dev.close();
    }

    @Test
    void uploadsAFileWithTheDevStacksDefaultsAndPrintsJsonOnly() throws Exception {
        Path file = TestClips.bytes(dir.resolve("clip.mp4"), (3L << 20) + 5, 21);

        CliRun run = CliRun.run("upload", file.toString(), "--json", "--state", state, "--sessions", sessions,
                "--part-size", "1MiB", "--concurrency", "2");

        assertThat(run.status()).as(run.err()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(run.out().strip().lines()).as("one JSON object and nothing else").hasSize(1);
        assertThat(result.get("fileId").asText()).matches("[0-9]{19}");
        assertThat(result.get("bytes").asLong()).isEqualTo(Files.size(file));
        assertThat(result.get("coverUrl").isNull()).isTrue();
        assertThat(result.get("seconds").isNumber()).isTrue();
        HttpResponse<byte[]> media = HTTP.send(HttpRequest.newBuilder(URI.create(result.get("mediaUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void uploadsWithExplicitPlatformEndpointUserAndCover() throws Exception {
        Path file = TestClips.bytes(dir.resolve("explicit.mp4"), 100_000, 22);
        Path cover = TestClips.bytes(dir.resolve("cover.png"), 5_000, 23);

        CliRun run = CliRun.run(Map.of(UploadCommand.PASSWORD_ENV, DevStack.DEMO_PASSWORD), "", "upload", file.toString(),
                "--cover", cover.toString(), "--platform", dev.platform().url(),
                "--signature-url", dev.app().url() + "api/v1/upload-signature", "--user", DevStack.DEMO_USER,
                "--state", dir.resolve("no-state").toString(), "--sessions", sessions);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("FileId:", "media URL:", "cover URL:");
        String coverUrl = run.out().lines().filter(l -> l.contains("cover URL:")).findFirst().orElseThrow().split("URL:")[1].strip();
        HttpResponse<byte[]> stored = HTTP.send(HttpRequest.newBuilder(URI.create(coverUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.body()).isEqualTo(Files.readAllBytes(cover));
    }

    @Test
    void uploadSampleMakesAClipAndUploadsItAsTheDemoUser() {
        CliRun run = CliRun.run("upload", "sample", "--seconds", "1", "--state", state, "--sessions", sessions);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("FileId: +[0-9]{19}").contains("sign in as demo");
        assertThat(dir.resolve("state").resolve("sample-1s.mp4")).isRegularFile();
    }

    @Test
    void withoutAPlatformOrWithAWrongPasswordItFailsClearly() throws Exception {
        Path file = TestClips.bytes(dir.resolve("x.mp4"), 10, 24);

        CliRun noPlatform = CliRun.run("upload", file.toString(), "--state", dir.resolve("no-state").toString());
        assertThat(noPlatform.status()).isEqualTo(2);
        assertThat(noPlatform.err()).contains("INVALID_ARGUMENT", "--platform");

        CliRun wrongPassword = CliRun.run("upload", file.toString(), "--state", state, "--user", DevStack.DEMO_USER,
                "--password", "not-the-password", "--sessions", sessions);
        assertThat(wrongPassword.status()).isEqualTo(2);
        assertThat(wrongPassword.err()).contains("cannot sign in as demo").doesNotContain("not-the-password");
        assertThat(wrongPassword.out()).isEmpty();
    }
}
