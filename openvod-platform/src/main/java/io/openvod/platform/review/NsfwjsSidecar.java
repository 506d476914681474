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
 * first use; it prints {@code {"port":N}} once its model is loaded and then answers on 127.0.0.1
 * {@code POST /classify} (one JPEG) and {@code POST /classify/rgb} (a batch of decoded frames,
 * {@link #classifyRgb}; the review step streams frames this way, see {@link RgbReviewer}). A
 * sidecar that died is started again on the next request; {@link #close()} stops it (it also exits
 * by itself when its standard input closes, i.e. when this process ends). Calls may come from
 * several threads at once; the sidecar classifies one request at a time.
 *
 * <p>Where the sidecar is: {@link #locate()} — the system property {@value #DIRECTORY_PROPERTY},
 * (the {@code ./openvod} launcher sets it), else {@code openvod-platform/src/main/node/review}
 * under the working directory. The Node.js
 * executable is {@value #NODE_PROPERTY} or {@code node} on the {@code PATH}.
 */
public final class NsfwjsSidecar implements RgbReviewer, AutoCloseable {
    public static final String DIRECTORY_PROPERTY = "openvod.review.sidecar";
    public static final String NODE_PROPERTY = "openvod.review.node";
    static final String DEFAULT_DIRECTORY = "openvod-platform/src/main/node/review";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLASSIFY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The sidecar's limits: frames per {@code /classify/rgb} request, bytes per request, pixels per side. */
    static final int MAX_FRAMES_PER_REQUEST = 16;
    static final int MAX_REQUEST_BYTES = 32 * 1024 * 1024;
    static final int MAX_SIDE = 8192;

    private final Path directory;
    private final String node;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private volatile Process process;
    private volatile boolean lastStartFailed;
    private URI base;
    private double loadMillis;
    private String graph = "";
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

    /**
     * How the running sidecar runs the model: {@code folded} (batch normalisation folded into the
     * convolutions, checked against nsfwjs's own graph at start) or {@code layers} (nsfwjs's own
     * graph, when that check failed); empty before it ran.
     */
    public synchronized String graph() {
        return graph;
    }

    @Override
    public List<FrameScores> classify(List<Path> jpegs) throws StepFailure {
        return jpegs(jpegs, "/classify");
    }

    /**
     * The class scores of each JPEG as nsfwjs's own {@code classify()} computes them (the sidecar's
     * {@code ?graph=layers}: the model run layer by layer, as the platform did before the folded
     * graph): the reference that the faster path is compared with, frame by frame, in tests and
     * benchmarks.
     */
    public List<FrameScores> classifyReference(List<Path> jpegs) throws StepFailure {
        return jpegs(jpegs, "/classify?graph=layers");
    }

    private List<FrameScores> jpegs(List<Path> jpegs, String path) throws StepFailure {
        List<FrameScores> scores = new ArrayList<>(jpegs.size());
        for (Path jpeg : jpegs) {
            running(); // a sidecar that cannot start says so before a missing frame does
            HttpRequest.BodyPublisher body;
            try {
                body = HttpRequest.BodyPublishers.ofFile(jpeg);
            } catch (FileNotFoundException e) {
                throw new StepFailure("InternalError", "no frame " + jpeg.getFileName() + " to review", true, e);
            }
            scores.addAll(call(path, "image/jpeg", body, 1, "frame " + jpeg.getFileName()));
        }
        return scores;
    }

    /**
     * {@inheritDoc} The frames go to {@code POST /classify/rgb} in requests of at most
     * {@value #MAX_FRAMES_PER_REQUEST} frames of one size and {@value #MAX_REQUEST_BYTES} bytes.
     *
     * @throws StepFailure {@link ContentReviewer#INVALID_INPUT} for a frame wider or higher than
     *     {@value #MAX_SIDE} pixels or larger than {@value #MAX_REQUEST_BYTES} bytes, before anything is sent
     */
    @Override
    public List<FrameScores> classifyRgb(List<RgbFrame> frames) throws StepFailure {
        for (RgbFrame frame : frames) {
            if (frame.width() > MAX_SIDE || frame.height() > MAX_SIDE || frame.bytes() > MAX_REQUEST_BYTES) {
                throw new StepFailure(INVALID_INPUT, "frame " + frame.index() + ": " + frame.width() + "x" + frame.height()
                        + " is larger than the review sidecar takes (" + MAX_SIDE + " pixels a side, "
                        + MAX_REQUEST_BYTES + " bytes a request)", false);
            }
        }
        List<FrameScores> scores = new ArrayList<>(frames.size());
        int from = 0;
        while (from < frames.size()) {
            RgbFrame first = frames.get(from);
            int to = from + 1;
            long bytes = first.bytes();
            while (to < frames.size() && to - from < MAX_FRAMES_PER_REQUEST && sameSize(first, frames.get(to))
                    && bytes + frames.get(to).bytes() <= MAX_REQUEST_BYTES) {
                bytes += frames.get(to).bytes();
                to++;
            }
            List<RgbFrame> request = frames.subList(from, to);
            List<HttpRequest.BodyPublisher> parts = request.stream()
                    .map(f -> HttpRequest.BodyPublishers.ofByteArray(f.pixels())).toList();
            String what = request.size() == 1 ? "frame " + first.index()
                    : "frames " + first.index() + "–" + request.getLast().index();
            scores.addAll(call("/classify/rgb?width=" + first.width() + "&height=" + first.height(), "application/octet-stream",
                    HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new)), request.size(), what));
            from = to;
        }
        return scores;
    }

    private static boolean sameSize(RgbFrame a, RgbFrame b) {
        return a.width() == b.width() && a.height() == b.height();
    }

    /** Two: the sidecar classifies one request while the next one is sent. */
    @Override
    public int parallelism() {
        return 2;
    }

    /**
     * One request to the running sidecar, started on first use; a sidecar that died meanwhile is
     * started again and the request sent once more.
     */
    private List<FrameScores> call(String path, String contentType, HttpRequest.BodyPublisher body, int frames, String what)
            throws StepFailure {
        URI at = running();
        try {
            return post(at, path, contentType, body, frames, what);
        } catch (IOException e) {
            at = restarted(at);
            try {
                return post(at, path, contentType, body, frames, what);
            } catch (IOException again) {
                stopIfAt(at);
                throw new StepFailure(UNAVAILABLE, "the review sidecar does not answer: " + again.getMessage(), true, again);
            }
        }
    }

    private List<FrameScores> post(URI at, String path, String contentType, HttpRequest.BodyPublisher body, int frames,
                                   String what) throws IOException, StepFailure {
        HttpRequest request = HttpRequest.newBuilder(at.resolve(path)).timeout(CLASSIFY_TIMEOUT)
                .header("Content-Type", contentType).POST(body).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(UNAVAILABLE, "interrupted while the review sidecar classified " + what, true, e);
        }
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() == 400 || response.statusCode() == 413) {
            throw new StepFailure(INVALID_INPUT, what + ": " + answer.path("error").asText(), false);
        }
        JsonNode list = frames == 1 && answer.isArray() && !answer.isEmpty() && answer.get(0).isObject()
                ? JSON.createArrayNode().add(answer) : answer;
        if (response.statusCode() != 200 || !list.isArray() || list.size() != frames) {
            throw new StepFailure(UNAVAILABLE, "the review sidecar answered " + response.statusCode() + " for " + what + ": "
                    + abbreviate(response.body()), true);
        }
        List<FrameScores> scores = new ArrayList<>(frames);
        for (JsonNode frame : list) {
            if (!frame.isArray() || frame.isEmpty()) {
                throw new StepFailure(UNAVAILABLE, "the review sidecar answered no classes for " + what + ": "
                        + abbreviate(response.body()), true);
            }
            Map<String, Double> probabilities = new HashMap<>();
            for (JsonNode p : frame) {
                probabilities.put(p.path("className").asText(), p.path("probability").asDouble());
            }
            scores.add(new FrameScores(probabilities));
        }
        return scores;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
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

    /** Where the sidecar answers, starting it when it is not running (for tests of its protocol). */
    URI address() throws StepFailure {
        return running();
    }

    /** The running sidecar's address, starting it when it is not running. */
    private synchronized URI running() throws StepFailure {
        ensureRunning();
        return base;
    }

    /**
     * The address of a sidecar started anew after a request to {@code failed} found no answer;
     * when another caller already restarted it, that sidecar's.
     */
    private synchronized URI restarted(URI failed) throws StepFailure {
        if (failed.equals(base)) {
            stop();
        }
        ensureRunning();
        return base;
    }

    private synchronized void stopIfAt(URI failed) {
        if (failed.equals(base)) {
            stop();
        }
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
                    + "'npm ci --ignore-scripts --no-audit --no-fund' in " + directory + " (Node.js 20 or newer)", false);
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
        graph = hello.path("graph").asText("layers");
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
