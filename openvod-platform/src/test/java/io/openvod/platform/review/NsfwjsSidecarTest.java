package io.openvod.platform.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.flow.StepFailure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nsfwjs sidecar's frame protocol with the real sidecar: decoded frames in batches, the folded
 * graph against nsfwjs's own, the documented answers to bad requests (never a hang), and its exit when its
 * standard input closes.
 */
class NsfwjsSidecarTest {
    private static final Path SIDECAR = Path.of("src/main/node/review");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static NsfwjsSidecar sidecar;

    @BeforeAll
    static void start() {
        assertThat(SIDECAR.resolve("node_modules"))
                .withFailMessage("the review sidecar is not installed: run 'npm ci --ignore-scripts --no-audit --no-fund' in "
                        + SIDECAR.toAbsolutePath() + " (Node.js 20 or newer; ./openvod test does it)")
                .isDirectory();
        sidecar = new NsfwjsSidecar(SIDECAR, System.getProperty(NsfwjsSidecar.NODE_PROPERTY, "node"));
    }

    @AfterAll
    static void stop() {
        sidecar.close();
    }

    /** A picture that is not flat: bands of colour that change with {@code seed}. */
    static RgbFrame frame(int index, int width, int height, int seed) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = (y * width + x) * 3;
                pixels[i] = (byte) ((x * 255 / width + seed * 40) & 0xff);
                pixels[i + 1] = (byte) ((y * 255 / height + seed * 70) & 0xff);
                pixels[i + 2] = (byte) (((x + y) * 3 + seed * 90) & 0xff);
            }
        }
        return new RgbFrame(index, width, height, pixels);
    }

    @Test
    void healthSaysTheFoldedGraphRunsOnWasmWithSimd() throws Exception {
        JsonNode health = JSON.readTree(HTTP.send(HttpRequest.newBuilder(sidecar.address().resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(health.path("model").asText()).isEqualTo("MobileNetV2");
        assertThat(health.path("backend").asText()).isEqualTo("wasm");
        assertThat(health.path("simd").asBoolean()).isTrue();
        assertThat(health.path("graph").asText()).isEqualTo("folded");
        // MobileNetV2: 52 convolutions, each with its batch normalisation; 5 zero paddings before stride-2 convolutions.
        assertThat(health.path("folded").path("convolutions").asInt()).isEqualTo(52);
        assertThat(health.path("folded").path("paddings").asInt()).isEqualTo(5);
        assertThat(sidecar.graph()).isEqualTo("folded");
        assertThat(health.path("limits").path("frames").asInt()).isEqualTo(NsfwjsSidecar.MAX_FRAMES_PER_REQUEST);
        assertThat(health.path("limits").path("body").asInt()).isEqualTo(NsfwjsSidecar.MAX_REQUEST_BYTES);
        assertThat(health.path("limits").path("side").asInt()).isEqualTo(NsfwjsSidecar.MAX_SIDE);
    }

    @Test
    void aBatchScoresEachFrameAsItAloneAndTheFoldedGraphAsNsfwjsDoes() throws Exception {
        // 20 frames of two sizes: more than one request takes, split by size and count.
        List<RgbFrame> frames = new ArrayList<>();
        for (int n = 0; n < 20; n++) {
            frames.add(n % 7 == 3 ? frame(n, 224, 224, n) : frame(n, 64, 48, n));
        }
        List<FrameScores> batch = sidecar.classifyRgb(frames);

        assertThat(batch).hasSize(20);
        for (int n = 0; n < 20; n++) {
            FrameScores alone = sidecar.classifyRgb(List.of(frames.get(n))).getFirst();
            assertThat(batch.get(n)).as("frame %d in a batch and alone", n).isEqualTo(alone);
            assertThat(alone.probabilities()).containsOnlyKeys("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
            assertThat(alone.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-3));
        }
        for (int n : new int[] {0, 3}) {
            FrameScores reference = scores(post("/classify/rgb?graph=layers&width=" + frames.get(n).width() + "&height="
                    + frames.get(n).height(), frames.get(n).pixels()).body()).getFirst();
            for (String c : List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy")) {
                assertThat(batch.get(n).probability(c)).as("frame %d, %s: folded graph against nsfwjs's classify()", n, c)
                        .isCloseTo(reference.probability(c), within(1e-4));
            }
        }
        assertThat(batch.get(0)).as("different pictures, different scores").isNotEqualTo(batch.get(1));
    }

    @Test
    void callsFromSeveralThreadsAreAllAnswered() throws Exception {
        List<RgbFrame> frames = List.of(frame(0, 96, 64, 1), frame(1, 96, 64, 2), frame(2, 96, 64, 3));
        List<FrameScores> serial = sidecar.classifyRgb(frames);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<List<FrameScores>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> sidecar.classifyRgb(frames)));
            }
            for (Future<List<FrameScores>> call : calls) {
                assertThat(call.get()).isEqualTo(serial);
            }
        }
    }

    @Test
    void framesLargerThanTheSidecarTakesAreRefusedBeforeAnythingIsSent() {
        RgbFrame wide = new RgbFrame(5, NsfwjsSidecar.MAX_SIDE + 1, 1, new byte[(NsfwjsSidecar.MAX_SIDE + 1) * 3]);
        assertThatThrownBy(() -> sidecar.classifyRgb(List.of(frame(4, 8, 8, 0), wide)))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.INVALID_INPUT);
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.getMessage()).startsWith("frame 5: 8193x1 is larger than the review sidecar takes");
                });
    }

    @Test
    void badFramesGetAClearError() throws Exception {
        byte[] twoByTwo = new byte[12];
        assertError(post("/classify/rgb?width=2&height=3", twoByTwo), 400,
                "the body holds 12 bytes, not 1..16 frames of 2x3 RGB (18 bytes each)");
        assertError(post("/classify/rgb?width=2", twoByTwo), 400, "height must be a whole number within 1..8192, not null");
        assertError(post("/classify/rgb?width=0&height=2", twoByTwo), 400, "width must be a whole number within 1..8192, not 0");
        assertError(post("/classify/rgb?width=2.5&height=2", twoByTwo), 400, "width must be a whole number");
        assertError(post("/classify/rgb?width=1&height=1", new byte[17 * 3]), 400, "not 1..16 frames");
        assertError(post("/classify/rgb?width=1&height=1", new byte[0]), 400, "not 1..16 frames");
        assertError(post("/classify", "not a JPEG".getBytes(StandardCharsets.US_ASCII)), 400, "not a JPEG this model can read");
        assertError(post("/classify/bgr", twoByTwo), 404, "not found");
        // Through the adapter: a frame the model cannot read is the input's fault, not retried.
        Path notJpeg = Files.writeString(Files.createTempFile("frame", ".jpg"), "not a JPEG");
        try {
            assertThatThrownBy(() -> sidecar.classify(List.of(notJpeg))).isInstanceOfSatisfying(StepFailure.class, f -> {
                assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.INVALID_INPUT);
                assertThat(f.getMessage()).contains("not a JPEG this model can read");
            });
        } finally {
            Files.deleteIfExists(notJpeg);
        }
    }

    @Test
    void anIdleConnectionOutlivesThePlatformClientsPool() throws Exception {
        // The JDK's HTTP client keeps an idle connection for jdk.httpclient.keepalive.timeout seconds (30 by
        // default); the sidecar must keep it longer, or a pooled connection may close under a request.
        HttpResponse<String> response = post("/classify/rgb?width=1&height=1", new byte[0]);
        String keepAlive = response.headers().firstValue("Keep-Alive").orElse("");
        assertThat(keepAlive).matches("timeout=[0-9]+");
        long clientSeconds = Long.getLong("jdk.httpclient.keepalive.timeout", 30);
        assertThat(Long.parseLong(keepAlive.substring("timeout=".length()))).isGreaterThan(clientSeconds);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsSentAndALengthIsRequired() throws Exception {
        URI at = sidecar.address();
        String oversized = rawExchange(at, "POST /classify/rgb?width=1024&height=1024 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + (64L * 1024 * 1024) + "\r\n\r\n");
        assertThat(oversized).startsWith("HTTP/1.1 413").contains("Connection: close")
                .contains("a request body is at most 33554432 bytes");
        String chunked = rawExchange(at, "POST /classify/rgb?width=1&height=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 411").contains("Content-Length is required");
        // Still answering frames afterwards.
        assertThat(sidecar.classifyRgb(List.of(frame(0, 16, 16, 1)))).hasSize(1);
    }

    @Test
    void theSidecarExitsByItselfWhenItsStandardInputCloses() throws Exception {
        Process node = new ProcessBuilder(System.getProperty(NsfwjsSidecar.NODE_PROPERTY, "node"), "server.mjs")
                .directory(SIDECAR.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String hello = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertThat(JSON.readTree(hello).path("port").asInt()).as(hello).isPositive();
            assertThat(JSON.readTree(hello).path("graph").asText()).isEqualTo("folded");
            node.getOutputStream().close();
            assertThat(node.waitFor(10, TimeUnit.SECONDS)).as("exited within 10 s").isTrue();
            assertThat(node.exitValue()).as("its own exit, not a signal").isZero();
        } finally {
            node.destroyForcibly();
        }
    }

    /** Sends {@code request} (headers only) and reads the answer until the sidecar closes the connection. */
    private static String rawExchange(URI at, String request) throws IOException {
        try (Socket socket = new Socket(at.getHost(), at.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(sidecar.address().resolve(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains(message);
    }

    private static List<FrameScores> scores(String body) throws IOException {
        List<FrameScores> frames = new ArrayList<>();
        for (JsonNode frame : JSON.readTree(body)) {
            Map<String, Double> probabilities = new HashMap<>();
            frame.forEach(p -> probabilities.put(p.path("className").asText(), p.path("probability").asDouble()));
            frames.add(new FrameScores(probabilities));
        }
        return frames;
    }
}
