package io.openvod.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.ConfigError;
import io.openvod.platform.config.ReviewConfig;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.HttpContentReviewer;
import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.platform.review.OnnxContentReviewer;
import io.openvod.server.platform.PlatformServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code platform.review}: defaults, overrides from every source, validation, the hidden token, the chosen adapter. */
class ReviewConfigTest {
    static final String TOKEN = "review-bearer-s3cr3t";

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private ReviewConfig load(String yaml, Map<String, String> env, String... overrides) throws IOException {
        return loadAll(yaml, env, overrides).platform().review();
    }

    private OpenVodConfig loadAll(String yaml, Map<String, String> env, String... overrides) throws IOException {
        Optional<Path> file = Optional.empty();
        if (yaml != null) {
            file = Optional.of(Files.writeString(dir.resolve("openvod.yaml"), yaml));
        }
        return loader.load(new ConfigSources(file, env, List.of(overrides)));
    }

    private static void assertInvalid(Throwable e) {
        assertThat(((ConfigException) e).errorCode()).isEqualTo(ConfigError.CONFIG_INVALID_VALUE);
    }

    @Test
    void defaultsShouldBeTheNsfwjsSidecarWithThresholds60And90() throws IOException {
        ReviewConfig review = load(null, Map.of());
        assertThat(review).isEqualTo(ReviewConfig.defaults());
        assertThat(review.engine()).isEqualTo("nsfwjs");
        assertThat(review.reviewThreshold()).isEqualTo(60);
        assertThat(review.blockThreshold()).isEqualTo(90);
        assertThat(review.serveForbidden()).isFalse();
        assertThat(review.nsfwjs().node()).isEqualTo("node");
        assertThat(review.nsfwjs().sidecar()).isEmpty();
        assertThat(review.onnx().model()).isEmpty();
        assertThat(review.onnx().labels()).containsExactly("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
        assertThat(review.onnx().inputSize()).isEqualTo(224);
        assertThat(review.onnx().layout()).isEqualTo("NHWC");
        assertThat(review.onnx().scale()).isEqualTo(1.0 / 255);
        assertThat(review.onnx().mean()).containsExactly(0.0, 0.0, 0.0);
        assertThat(review.onnx().std()).containsExactly(1.0, 1.0, 1.0);
        assertThat(review.onnx().softmax()).isFalse();
        assertThat(review.http().url()).isEmpty();
        assertThat(review.http().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(review.http().token()).isNull();
    }

    @Test
    void fileVariablesAndFlagsShouldOverrideEveryKey() throws IOException {
        String yaml = """
                platform:
                  review:
                    engine: onnx
                    serveForbidden: true
                    onnx:
                      model: /models/nsfw.onnx
                      labels: [neutral, porn, sexy]
                      inputSize: 299
                      layout: NCHW
                      mean: [0.485, 0.456, 0.406]
                      std: [0.229, 0.224, 0.225]
                      softmax: true
                """;
        ReviewConfig review = load(yaml, Map.of("OPENVOD_PLATFORM_REVIEW_REVIEW_THRESHOLD", "50",
                        "OPENVOD_PLATFORM_REVIEW_NSFWJS_NODE", "/opt/node/bin/node"),
                "platform.review.blockThreshold=80", "platform.review.onnx.scale=1", "platform.review.http.timeout=5s");
        assertThat(review.engine()).isEqualTo("onnx");
        assertThat(review.serveForbidden()).isTrue();
        assertThat(review.reviewThreshold()).isEqualTo(50);
        assertThat(review.blockThreshold()).isEqualTo(80);
        assertThat(review.nsfwjs().node()).isEqualTo("/opt/node/bin/node");
        assertThat(review.onnx()).isEqualTo(new ReviewConfig.Onnx("/models/nsfw.onnx", List.of("neutral", "porn", "sexy"), 299,
                "NCHW", 1.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225), true));
        assertThat(review.http().timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void onnxWithoutAModelAndHttpWithoutAUrlShouldStopTheStartNamingTheKey() {
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.engine=onnx"))
                .satisfies(ReviewConfigTest::assertInvalid)
                .hasMessageContaining("platform.review").hasMessageContaining("onnx.model");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.engine=http"))
                .satisfies(ReviewConfigTest::assertInvalid)
                .hasMessageContaining("platform.review").hasMessageContaining("http.url");
    }

    @Test
    void badValuesShouldStopTheStartNamingTheKey() {
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.engine=tensorflow"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("engine 'tensorflow'");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.reviewThreshold=95"))
                .satisfies(ReviewConfigTest::assertInvalid)
                .hasMessageContaining("reviewThreshold").hasMessageContaining("blockThreshold");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.reviewThreshold=0"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("0 < reviewThreshold");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.blockThreshold=101"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("blockThreshold <= 100");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.onnx.layout=HWC"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("platform.review.onnx").hasMessageContaining("layout");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.onnx.inputSize=0"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("inputSize");
        assertThatThrownBy(() -> load("platform:\n  review:\n    onnx:\n      std: [1, 0, 1]\n", Map.of()))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("std");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.http.url=ftp://classifier.example/scores"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("http.url");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.http.timeout=0s"))
                .satisfies(ReviewConfigTest::assertInvalid).hasMessageContaining("timeout");
        assertThatThrownBy(() -> load(null, Map.of(), "platform.review.onnx.modle=x.onnx"))
                .satisfies(e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ConfigError.CONFIG_UNKNOWN_KEY));
    }

    @Test
    void httpTokenShouldLoadButNeverShowInPrintedConfigurationToStringOrErrors() throws IOException {
        OpenVodConfig c = loadAll(null, Map.of("OPENVOD_PLATFORM_REVIEW_HTTP_TOKEN", TOKEN),
                "platform.review.engine=http", "platform.review.http.url=https://classifier.example/v1/nsfw");
        ReviewConfig review = c.platform().review();
        assertThat(review.http().token().reveal()).isEqualTo(TOKEN);
        assertThat(review.http().url()).isEqualTo("https://classifier.example/v1/nsfw");
        String printed = ConfigPrinter.toYaml(c);
        assertThat(printed).contains("https://classifier.example/v1/nsfw").containsPattern("token: ['\"]\\*{4}['\"]").doesNotContain(TOKEN);
        assertThat(c.toString()).doesNotContain(TOKEN);
        assertThat(loadAll(printed, Map.of()).platform().review().http().url()).isEqualTo(review.http().url());

        assertThatThrownBy(() -> loadAll(null, Map.of("OPENVOD_PLATFORM_REVIEW_HTTP_TOKEN", TOKEN), "platform.review.engine=http"))
                .hasMessageContaining("http.url").hasMessageNotContaining(TOKEN);
        assertThatThrownBy(() -> loadAll(null, Map.of(), "platform.review.http.token="))
                .satisfies(ReviewConfigTest::assertInvalid);
    }

    @Test
    void platformServicesShouldChooseTheAdapterOfTheEngine() throws IOException {
        try (ContentReviewer nsfwjs = PlatformServices.contentReviewer(load(null, Map.of(),
                "platform.review.nsfwjs.sidecar=" + dir.resolve("sidecar")))) {
            assertThat(nsfwjs).isInstanceOfSatisfying(NsfwjsSidecar.class,
                    s -> assertThat(s.directory()).isEqualTo(dir.resolve("sidecar").toAbsolutePath().normalize()));
        }
        try (ContentReviewer located = PlatformServices.contentReviewer(ReviewConfig.defaults())) {
            assertThat(located).isInstanceOfSatisfying(NsfwjsSidecar.class,
                    s -> assertThat(s.directory()).isEqualTo(NsfwjsSidecar.locate().toAbsolutePath().normalize()));
        }
        try (ContentReviewer onnx = PlatformServices.contentReviewer(load(null, Map.of(), "platform.review.engine=onnx",
                "platform.review.onnx.model=/models/nsfw.onnx", "platform.review.onnx.layout=NCHW"))) {
            assertThat(onnx).isInstanceOfSatisfying(OnnxContentReviewer.class, o -> {
                assertThat(o.settings().model()).isEqualTo(Path.of("/models/nsfw.onnx"));
                assertThat(o.settings().layout()).isEqualTo(OnnxContentReviewer.Layout.NCHW);
                assertThat(o.settings().labels()).hasSize(5);
            });
        }
        try (ContentReviewer http = PlatformServices.contentReviewer(load(null, Map.of(), "platform.review.engine=http",
                "platform.review.http.url=http://127.0.0.1:9/classify"))) {
            assertThat(http).isInstanceOf(HttpContentReviewer.class);
        }
    }
}
