package io.openvod.platform.review;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.core.Secret;
import io.openvod.platform.flow.StepFailure;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ContentReviewer} backed by an external classification service. Each frame is one
 * {@code POST} of its bytes to the configured URL ({@code Content-Type: image/jpeg}, with
 * {@code Authorization: Bearer <token>} when a token is configured); a {@code 200} answer is the
 * nsfwjs JSON, {@code [{"className": "Porn", "probability": 0.01}, ...]}, or the same array as
 * {@code {"predictions": [...]}}. A {@code 400} means the frame cannot be read
 * ({@code SourceFileError.ContentMalformed}, not retried); any other status, a refused connection, a
 * timeout or an answer that is not such JSON is {@link ContentReviewer#UNAVAILABLE} (retried).
 * Messages name the service by scheme, host, port and path, never with the token or a query.
 */
public final class HttpContentReviewer implements ContentReviewer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_QUOTED = 200;

    private final URI url;
    private final String where;
    private final Duration timeout;
    private final Secret token;
    private final HttpClient http;

    /**
     * @param url the service's http(s) URL
     * @param timeout how long one frame may take, connecting included
     * @param token the bearer token, or null for none
     */
    public HttpContentReviewer(URI url, Duration timeout, Secret token) {
        this.url = Objects.requireNonNull(url, "url == null");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("the review service URL must be http or https");
        }
        this.where = describe(url);
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public List<FrameScores> classify(List<Path> jpegs) throws StepFailure {
        List<FrameScores> scores = new ArrayList<>(jpegs.size());
        for (Path jpeg : jpegs) {
            scores.add(classifyOne(jpeg));
        }
        return scores;
    }

    private FrameScores classifyOne(Path jpeg) throws StepFailure {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "image/jpeg")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofFile(jpeg));
        } catch (FileNotFoundException e) {
            throw new StepFailure("InternalError", "no frame " + jpeg.getFileName() + " to review", true, e);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new StepFailure(UNAVAILABLE, "the review service " + where + " did not answer within "
                    + timeout.toMillis() + " ms", true, e);
        } catch (ConnectException e) {
            throw new StepFailure(UNAVAILABLE, "the review service " + where + " refuses connections", true, e);
        } catch (IOException e) {
            throw new StepFailure(UNAVAILABLE, "the review service " + where + " does not answer: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(UNAVAILABLE, "interrupted while the review service " + where + " classified a frame", true, e);
        }
        if (response.statusCode() == 400) {
            throw new StepFailure(INVALID_INPUT, "frame " + jpeg.getFileName() + ": the review service " + where
                    + " cannot read it: " + quote(errorText(response.body())), false);
        }
        if (response.statusCode() != 200) {
            throw new StepFailure(UNAVAILABLE, "the review service " + where + " answered HTTP " + response.statusCode(), true);
        }
        return scores(response.body());
    }

    private FrameScores scores(String body) throws StepFailure {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        JsonNode predictions = root != null && root.isObject() ? root.get("predictions") : root;
        if (predictions == null || !predictions.isArray() || predictions.isEmpty()) {
            throw malformed(body);
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (JsonNode p : predictions) {
            JsonNode name = p.get("className");
            JsonNode probability = p.get("probability");
            if (name == null || !name.isTextual() || probability == null || !probability.isNumber()) {
                throw malformed(body);
            }
            probabilities.put(name.asText(), probability.asDouble());
        }
        return new FrameScores(probabilities);
    }

    private StepFailure malformed(String body) {
        return new StepFailure(UNAVAILABLE, "the review service " + where + " answered something other than "
                + "[{className, probability}, ...]: " + quote(body), true);
    }

    private static String errorText(String body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root != null && root.hasNonNull("error")) {
                return root.get("error").asText();
            }
        } catch (JacksonException e) {
            // Not JSON: quote the text itself.
        }
        return body;
    }

    private static String quote(String text) {
        String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_QUOTED ? oneLine : oneLine.substring(0, MAX_QUOTED) + "…";
    }

    /** The URL as {@code scheme://host[:port]/path}: no user info, no query, no fragment. */
    static String describe(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + path;
    }

    /** Releases the HTTP client's connections. */
    @Override
    public void close() {
        http.close();
    }
}
