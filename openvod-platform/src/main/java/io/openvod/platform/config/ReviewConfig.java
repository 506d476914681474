package io.openvod.platform.config;

import io.openvod.core.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code platform.review:} — content review ({@code Porn}): which engine classifies the sampled
 * frames and where the confidence thresholds lie.
 *
 * @param engine {@code nsfwjs} (the bundled Node.js sidecar, the default), {@code onnx} (an
 *     operator-supplied ONNX model run in process) or {@code http} (an external classification
 *     service)
 * @param reviewThreshold the confidence (0–100) at or above which a frame is {@code review}.
 *     Defaults to 60.
 * @param blockThreshold the confidence (0–100) at or above which a frame is {@code block}; at least
 *     {@code reviewThreshold}. Defaults to 90.
 * @param serveForbidden whether media whose review said {@code block} is still served. Defaults to
 *     false. This record only carries the setting; the media-serving code applies it.
 * @param nsfwjs the Node.js sidecar, for engine {@code nsfwjs}
 * @param onnx the ONNX model, for engine {@code onnx}
 * @param http the external service, for engine {@code http}
 */
public record ReviewConfig(String engine, double reviewThreshold, double blockThreshold, boolean serveForbidden,
                           Nsfwjs nsfwjs, Onnx onnx, Http http) {
    /** The engines there are. */
    public static final List<String> ENGINES = List.of("nsfwjs", "onnx", "http");

    public ReviewConfig {
        engine = engine == null || engine.isBlank() ? "nsfwjs" : engine;
        if (!ENGINES.contains(engine)) {
            throw new IllegalArgumentException("engine '" + engine + "' is not one of " + String.join(", ", ENGINES));
        }
        if (!(reviewThreshold > 0 && reviewThreshold <= blockThreshold && blockThreshold <= 100)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < reviewThreshold <= blockThreshold <= 100, not "
                    + "reviewThreshold " + reviewThreshold + ", blockThreshold " + blockThreshold);
        }
        nsfwjs = nsfwjs == null ? Nsfwjs.defaults() : nsfwjs;
        onnx = onnx == null ? Onnx.defaults() : onnx;
        http = http == null ? Http.defaults() : http;
        if (engine.equals("onnx") && onnx.model().isBlank()) {
            throw new IllegalArgumentException("onnx.model (the path of the .onnx file) is required when engine is onnx");
        }
        if (engine.equals("http") && http.url().isBlank()) {
            throw new IllegalArgumentException("http.url is required when engine is http");
        }
    }

    /** The built-in defaults (as in openvod-defaults.yaml), for tools and tests. */
    public static ReviewConfig defaults() {
        return new ReviewConfig("nsfwjs", 60, 90, false, Nsfwjs.defaults(), Onnx.defaults(), Http.defaults());
    }

    /**
     * The bundled nsfwjs sidecar.
     *
     * @param node the Node.js executable (20 or newer). Defaults to {@code node} on the {@code PATH}.
     * @param sidecar the sidecar's directory; empty (the default) looks where the {@code openvod}
     *     launcher puts it (the system property {@code openvod.review.sidecar}), else
     *     {@code openvod-platform/src/main/node/review} under the working directory
     */
    public record Nsfwjs(String node, String sidecar) {
        public Nsfwjs {
            node = node == null || node.isBlank() ? "node" : node;
            sidecar = sidecar == null ? "" : sidecar;
        }

        public static Nsfwjs defaults() {
            return new Nsfwjs("node", "");
        }
    }

    /**
     * An image classifier in ONNX format, run in process with ONNX Runtime. Each frame is decoded,
     * resized to {@code inputSize}², and each RGB channel value {@code v} (0–255) becomes
     * {@code (v × scale − mean[c]) / std[c]}.
     *
     * @param model the path of the .onnx file; required with engine {@code onnx}
     * @param labels the class names in the order of the model's output; the nsfwjs classes
     *     ({@code Drawing, Hentai, Neutral, Porn, Sexy}) by default. The review reads {@code Porn},
     *     {@code Hentai} and {@code Sexy}.
     * @param inputSize the width and height of the model's input. Defaults to 224.
     * @param layout {@code NHWC} ([1, size, size, 3], the default) or {@code NCHW} ([1, 3, size, size])
     * @param scale the factor applied to each 0–255 channel value. Defaults to 1/255.
     * @param mean subtracted per channel (R, G, B) after scaling. Defaults to [0, 0, 0].
     * @param std divides per channel (R, G, B) after the mean. Defaults to [1, 1, 1].
     * @param softmax apply softmax to the model's output (for a model answering logits). Defaults to false.
     */
    public record Onnx(String model, List<String> labels, int inputSize, String layout, double scale,
                       List<Double> mean, List<Double> std, boolean softmax) {
        /** The nsfwjs classes, in that model's output order. */
        public static final List<String> NSFWJS_LABELS = List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy");

        public Onnx {
            model = model == null ? "" : model;
            labels = labels == null ? NSFWJS_LABELS : List.copyOf(labels);
            if (labels.isEmpty() || labels.stream().anyMatch(l -> l == null || l.isBlank())) {
                throw new IllegalArgumentException("onnx.labels must name at least one class, none blank");
            }
            if (inputSize < 1 || inputSize > 4096) {
                throw new IllegalArgumentException("onnx.inputSize must be within 1..4096");
            }
            layout = layout == null ? "NHWC" : layout;
            if (!layout.equals("NHWC") && !layout.equals("NCHW")) {
                throw new IllegalArgumentException("onnx.layout '" + layout + "' is not NHWC or NCHW");
            }
            if (!Double.isFinite(scale) || scale == 0) {
                throw new IllegalArgumentException("onnx.scale must be a non-zero number");
            }
            mean = mean == null ? List.of(0.0, 0.0, 0.0) : List.copyOf(mean);
            std = std == null ? List.of(1.0, 1.0, 1.0) : List.copyOf(std);
            if (mean.size() != 3 || mean.stream().anyMatch(m -> !Double.isFinite(m))) {
                throw new IllegalArgumentException("onnx.mean must hold three numbers (R, G, B)");
            }
            if (std.size() != 3 || std.stream().anyMatch(s -> !Double.isFinite(s) || s == 0)) {
                throw new IllegalArgumentException("onnx.std must hold three non-zero numbers (R, G, B)");
            }
        }

        public static Onnx defaults() {
            return new Onnx("", NSFWJS_LABELS, 224, "NHWC", 1.0 / 255, List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), false);
        }
    }

    /**
     * An external classification service: each frame is POSTed as {@code image/jpeg} and answered
     * with the nsfwjs JSON ({@code [{"className": ..., "probability": ...}, ...]}).
     *
     * @param url the service's http(s) URL; required with engine {@code http}
     * @param timeout how long one frame may take. Defaults to 30s.
     * @param token a bearer token sent as {@code Authorization: Bearer …}; null for none (printed as
     *     {@code ****})
     */
    public record Http(String url, Duration timeout, Secret token) {
        public Http {
            url = url == null ? "" : url.strip();
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("http.timeout must be positive");
            }
            if (!url.isEmpty()) {
                checkUrl(url);
            }
        }

        public static Http defaults() {
            return new Http("", Duration.ofSeconds(30), null);
        }

        private static void checkUrl(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("http.url is not a URL: " + e.getReason());
            }
            if (!Objects.equals(uri.getScheme(), "http") && !Objects.equals(uri.getScheme(), "https") || uri.getHost() == null) {
                throw new IllegalArgumentException("http.url must be an http:// or https:// URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("http.url may not hold credentials; use http.token");
            }
        }
    }
}
