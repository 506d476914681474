package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.testing.TestSecrets;
import io.openvod.server.dev.DevStack;
import io.openvod.server.dev.DevUploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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
        assertThat(result.get("taskId").asText()).as("the upload's Procedure flow").contains("-procedurev2-");
        assertThat(result.get("tasks")).extracting(t -> t.get("taskType").asText()).containsExactlyInAnyOrder("Procedure", "ReviewAudioVideo");
        assertThat(result.get("tasks")).allSatisfy(t -> assertThat(t.get("status").asText()).as("no worker runs them").isEqualTo("WAITING"));
        HttpResponse<byte[]> media = HTTP.send(HttpRequest.newBuilder(URI.create(result.get("mediaUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(media.statusCode()).isEqualTo(200);
        assertThat(media.body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void uploadsWithExplicitPlatformEndpointUserAndCover() throws Exception {
        Path file = TestClips.bytes(dir.resolve("explicit.mp4"), 100_000, 22);
        Path cover = TestClips.bytes(dir.resolve("cover.png"), 5_000, 23);

        Map<String, String> env = Map.of(UploadCommand.PASSWORD_ENV, DevStack.DEMO_PASSWORD, MediaApiOptions.SECRET_ID_ENV,
                dev.key().secretId(), MediaApiOptions.SECRET_KEY_ENV, dev.key().secretKey());
        CliRun run = CliRun.run(env, "", "upload", file.toString(),
                "--cover", cover.toString(), "--platform", dev.platform().url(),
                "--signature-url", dev.app().url() + "api/v1/upload-signature", "--user", DevStack.DEMO_USER,
                "--state", dir.resolve("no-state").toString(), "--sessions", sessions);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("FileId:", "media URL:", "cover URL:").containsPattern("TaskId: +\\S+-procedurev2-\\S+ \\(Procedure, WAITING\\)")
                .containsPattern("TaskId: +\\S+-ReviewAudioVideo-\\S+ \\(ReviewAudioVideo, WAITING\\)").contains("openvod tasks show");
        String coverUrl = run.out().lines().filter(l -> l.contains("cover URL:")).findFirst().orElseThrow().split("URL:")[1].strip();
        HttpResponse<byte[]> stored = HTTP.send(HttpRequest.newBuilder(URI.create(coverUrl)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stored.body()).isEqualTo(Files.readAllBytes(cover));

        CliRun withoutKey = CliRun.run(Map.of(UploadCommand.PASSWORD_ENV, DevStack.DEMO_PASSWORD), "", "upload",
                TestClips.bytes(dir.resolve("keyless.mp4"), 1_000, 29).toString(), "--platform", dev.platform().url(),
                "--signature-url", dev.app().url() + "api/v1/upload-signature", "--user", DevStack.DEMO_USER,
                "--state", dir.resolve("no-state").toString(), "--sessions", sessions);
        assertThat(withoutKey.status()).as(withoutKey.err()).isZero();
        assertThat(withoutKey.out()).contains("TaskId:    unknown: listing them needs an API key: set OPENVOD_SECRET_ID");
    }

    @Test
    void uploadSampleMakesAClipAndUploadsItAsTheDemoUser() {
        CliRun run = CliRun.run("upload", "sample", "--seconds", "1", "--state", state, "--sessions", sessions);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("FileId: +[0-9]{19}").containsPattern("TaskId: +\\S+-procedurev2-").contains("sign in as demo");
        assertThat(dir.resolve("state").resolve("sample-1s.mp4")).isRegularFile();
        assertThat(LoggerFactory.getLogger(FfmpegTools.class).isInfoEnabled()).as("which FFmpeg made the clip is not printed").isFalse();
    }

    @Test
    void withoutAPlatformOrWithAWrongPasswordItFailsClearly() throws Exception {
        Path file = TestClips.bytes(dir.resolve("x.mp4"), 10, 24);

        CliRun empty = CliRun.run("upload", "", "--state", state);
        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.err()).contains("INVALID_ARGUMENT: which file? openvod upload FILE");
        CliRun missing = CliRun.run("upload", dir.resolve("no-such.mp4").toString(), "--state", state);
        assertThat(missing.err()).contains("no-such.mp4' is not a file (no such path): give the path of the video to upload");
        CliRun folder = CliRun.run("upload", dir.toString(), "--state", state);
        assertThat(folder.err()).contains("'" + dir + "' is not a file: give the path");

        CliRun noPlatform = CliRun.run("upload", file.toString(), "--state", dir.resolve("no-state").toString());
        assertThat(noPlatform.status()).isEqualTo(2);
        assertThat(noPlatform.err()).contains("INVALID_ARGUMENT", "--platform");

        CliRun wrongPassword = CliRun.run("upload", file.toString(), "--state", state, "--user", DevStack.DEMO_USER,
                "--password", "not-the-password", "--sessions", sessions);
        assertThat(wrongPassword.status()).isEqualTo(2);
        assertThat(wrongPassword.err()).contains("cannot sign in as demo", "INVALID_CREDENTIALS", "check the user and the password")
                .doesNotContain("not-the-password");
        assertThat(wrongPassword.out()).isEmpty();

        CliRun noApp = CliRun.run("upload", file.toString(), "--state", state, "--user", DevStack.DEMO_USER, "--password", "x-password",
                "--signature-url", "http://127.0.0.1:" + closedPort() + "/api/v1/upload-signature", "--sessions", sessions);
        assertThat(noApp.status()).as("the app cannot be reached").isEqualTo(7);
        assertThat(noApp.err()).contains("cannot sign in as demo at http://127.0.0.1:", "/api/v1/login: connection refused",
                "is the app backend of --signature-url running?").doesNotContain("null");
    }

    @Test
    void aCoverThatIsNoImageIsRefusedBeforeAnythingIsSent() throws Exception {
        Path file = TestClips.bytes(dir.resolve("v.mp4"), 10, 25);
        Path notAnImage = TestClips.bytes(dir.resolve("cover.mp4"), 10, 26);

        CliRun run = CliRun.run("upload", file.toString(), "--cover", notAnImage.toString(), "--state", state, "--sessions", sessions);

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("INVALID_ARGUMENT", "a cover is an image of type jpg, jpeg, png, gif, bmp, tiff, ai, cdr, eps",
                ".mp4 is not one of them");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aRefusedSignatureEndsTheUploadWithoutAResumeHint() throws Exception {
        Path file = TestClips.bytes(dir.resolve("refused.mp4"), 10, 27);
        String password = "banned-password-" + System.nanoTime();
        TestSecrets.remember(password);
        dev.app().services().accounts().createUser("banned-user", "", Optional.of(password.toCharArray()));
        String token = io.openvod.client.AppSignatures.login(dev.app().url(), "banned-user", password);
        TestSecrets.remember(token);
        dev.app().services().store().setBanned("banned-user", true, java.time.Instant.now());

        for (String badToken : List.of("not-a-token", token)) {
            CliRun run = CliRun.run("upload", file.toString(), "--token", badToken, "--state", state, "--sessions", sessions);
            assertThat(run.status()).as(run.err()).isEqualTo(3);
            assertThat(run.err()).contains("SIGNATURE_REFUSED").doesNotContain("run the same command again");
        }
    }

    @Test
    void aFailureThatResumingCanHelpPrintsTheCommandQuotedAndWithoutThePassword() throws Exception {
        Path file = TestClips.bytes(dir.resolve("my clip.mp4"), 10, 28);

        CliRun run = CliRun.run("upload", file.toString(), "--platform", "http://127.0.0.1:" + closedPort(),
                "--signature-url", dev.app().url() + "api/v1/upload-signature", "--user", DevStack.DEMO_USER,
                "--password", DevStack.DEMO_PASSWORD, "--state", state, "--sessions", sessions);

        assertThat(run.status()).as(run.err()).isEqualTo(7);
        assertThat(run.err()).contains("UNAVAILABLE", "run the same command again to resume: openvod upload '" + file + "' --platform ",
                " --user demo --state ", "--password-stdin", UploadCommand.PASSWORD_ENV).doesNotContain(DevStack.DEMO_PASSWORD);
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
