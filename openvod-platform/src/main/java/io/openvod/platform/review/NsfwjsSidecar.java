package io.openvod.platform.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.flow.StepFailure;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link ContentReviewer} backed by the Node.js sidecar in {@code openvod-platform/src/main/node/review}
 * ({@code server.mjs}: the nsfwjs MobileNetV2 model on the TensorFlow.js WASM backend, installed
 * with {@code npm ci}; Node.js 20 or newer). The sidecar is started as {@code node server.mjs} on
 * first use; it prints {@code {"port":N}} once its model is loaded and then answers
 * {@code POST /classify} on 127.0.0.1. A sidecar that died is started again on the next frame;
 * {@link #close()} stops it (it also exits by itself when its standard input closes, i.e. when
 * this process ends).
 *
 * <p>Where the sidecar is: {@link #locate()} — the system property {@value #DIRECTORY_PROPERTY},
 * (the {@code ./openvod} launcher sets it), else {@code openvod-platform/src/main/node/review}
 * under the working directory. The Node.js
 * executable is {@value #NODE_PROPERTY} or {@code node} on the {@code PATH}.
 */
public final class NsfwjsSidecar implements ContentReviewer, AutoCloseable {
    public static final String DIRECTORY_PROPERTY = "openvod.review.sidecar";
    public static final String NODE_PROPERTY = "openvod.review.node";
    static final String DEFAULT_DIRECTORY = "openvod-platform/src/main/node/review";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLASSIFY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final String node;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private volatile Process process;
    private volatile boolean lastStartFailed;
    private URI base;
    private double loadMillis;
    private boolean closed;

    public NsfwjsSidecar(Path directory, String node) {
        this.directory = Objects.requireNonNull(directory, "directory == null").toAbsolutePath().normalize();
        this.node = Objects.requireNonNull(node, "node == null");
    }

    /** The sidecar where {@link #locate()} finds it, run by {@value #NODE_PROPERTY} or {@code node}. */
    public static NsfwjsSidecar located() {
        return new NsfwjsSidecar(locate(), System.getProperty(NODE_PROPERTY, "node"));
    }

    /** The sidecar's directory: the system property, else the default under the working directory. */
    public static Path locate() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : configured);
    }

    public Path directory() {
        return directory;
    }

    /** How long the running sidecar took to load its model, in milliseconds (0 before it ran). */
    public synchronized double loadMillis() {
        return loadMillis;
    }

    @Override
    public synchronized List<FrameScores> classify(List<Path> jpegs) throws StepFailure {
        List<FrameScores> scores = new ArrayList<>(jpegs.size());
        for (Path jpeg : jpegs) {
            scores.add(classifyOne(jpeg));
        }
        return scores;
    }

    private FrameScores classifyOne(Path jpeg) throws StepFailure {
        ensureRunning();
        try {
            return post(jpeg);
        } catch (IOException e) {
            // The sidecar may have died between frames: start it again once.
            stop();
            ensureRunning();
            try {
                return post(jpeg);
            } catch (IOException again) {
                stop();
                throw new StepFailure(UNAVAILABLE, "the review sidecar does not answer: " + again.getMessage(), true, again);
            }
        }
    }

    private FrameScores post(Path jpeg) throws IOException, StepFailure {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(base.resolve("/classify")).timeout(CLASSIFY_TIMEOUT)
                    .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofFile(jpeg)).build();
        } catch (FileNotFoundException e) {
            throw new StepFailure("InternalError", "no frame " + jpeg.getFileName() + " to review", true, e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(UNAVAILABLE, "interrupted while the review sidecar classified a frame", true, e);
        }
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() == 400) {
            throw new StepFailure(INVALID_INPUT, "frame " + jpeg.getFileName() + ": "
                    + body.path("error").asText(), false);
        }
        if (response.statusCode() != 200 || !body.isArray() || body.isEmpty()) {
            throw new StepFailure(UNAVAILABLE, "the review sidecar answered " + response.statusCode() + ": "
                    + response.body(), true);
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (JsonNode p : body) {
            probabilities.put(p.path("className").asText(), p.path("probability").asDouble());
        }
        return new FrameScores(probabilities);
    }

    /** {@inheritDoc} Up while the sidecar process runs; down after a failed start until a start succeeds. */
    @Override
    public Status status() {
        Process running = process;
        if (running != null && running.isAlive()) {
            return Status.UP;
        }
        return lastStartFailed ? Status.DOWN : Status.IDLE;
    }

    private void ensureRunning() throws StepFailure {
        try {
            start();
            lastStartFailed = false;
        } catch (StepFailure e) {
            lastStartFailed = true;
            throw e;
        }
    }

    private void start() throws StepFailure {
        if (closed) {
            throw new StepFailure(UNAVAILABLE, "the review sidecar is closed", true);
        }
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        if (!Files.isRegularFile(directory.resolve("server.mjs"))) {
            throw new StepFailure(UNAVAILABLE, "content review is unavailable: no review sidecar (server.mjs) in "
                    + directory + " (set the system property " + DIRECTORY_PROPERTY + ")", false);
        }
        if (!Files.isDirectory(directory.resolve("node_modules"))) {
            throw new StepFailure(UNAVAILABLE, "content review is unavailable: the review sidecar is not installed; run "
                    + "'npm ci --no-audit --no-fund' in " + directory + " (Node.js 20 or newer)", false);
        }
        Process started;
        try {
            started = new ProcessBuilder(node, "server.mjs").directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new StepFailure(UNAVAILABLE, "content review is unavailable: Node.js not found (" + node + ": "
                    + e.getMessage() + "); install Node.js 20 or newer", false, e);
        }
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        }, Thread::startVirtualThread);
        String line;
        try {
            line = firstLine.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            started.destroyForcibly();
            throw new StepFailure(UNAVAILABLE, "content review is unavailable: the model did not load within "
                    + START_TIMEOUT.toSeconds() + " s", true, e);
        } catch (InterruptedException e) {
            started.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new StepFailure(UNAVAILABLE, "interrupted while the review sidecar started", true, e);
        }
        JsonNode hello;
        try {
            hello = line == null ? null : JSON.readTree(line);
        } catch (IOException e) {
            hello = null;
        }
        if (hello == null || !hello.path("port").canConvertToInt()) {
            started.destroyForcibly();
            String reason = hello != null && hello.hasNonNull("error") ? hello.path("error").asText()
                    : line == null ? "the sidecar exited without a word (is " + node + " Node.js 20 or newer?)"
                    : "unexpected first line " + line;
            throw new StepFailure(UNAVAILABLE, "content review is unavailable: " + reason, false);
        }
        process = started;
        base = URI.create("http://127.0.0.1:" + hello.path("port").asInt());
        loadMillis = hello.path("loadMillis").asDouble();
    }

    private void stop() {
        Process running = process;
        process = null;
        base = null;
        if (running == null) {
            return;
        }
        try {
            running.getOutputStream().close();
        } catch (IOException ignored) {
            // It exits on its own or is killed below.
        }
        try {
            if (!running.waitFor(5, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the sidecar; further classifications fail with {@link ContentReviewer#UNAVAILABLE}. */
    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }
}
