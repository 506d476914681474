package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.review.NsfwjsSidecar;
import io.openvod.platform.review.RgbFrame;
import io.openvod.platform.review.RgbReviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Porn review step, with the real nsfwjs sidecar and with a scripted reviewer. */
class PornReviewStepTest {
    /** The sidecar in this module (tests run in the module's directory). */
    static final Path SIDECAR = Path.of("src/main/node/review");

    @TempDir
    static Path clips;
    static Path clip;
    static NsfwjsSidecar sidecar;

    @TempDir
    Path temp;

    private final FfmpegTools tools = FfmpegTools.bundled();

    @BeforeAll
    static void setUp() {
        clip = TestClips.mp4(clips.resolve("clip.mp4"), Duration.ofSeconds(7), 320, 240);
        sidecar = new NsfwjsSidecar(SIDECAR, System.getProperty(NsfwjsSidecar.NODE_PROPERTY, "node"));
    }

    @AfterAll
    static void tearDown() {
        sidecar.close();
    }

    private static void requireInstalled() {
        assertThat(SIDECAR.resolve("node_modules"))
                .withFailMessage("the review sidecar is not installed: run 'npm ci --ignore-scripts --no-audit --no-fund' in "
                        + SIDECAR.toAbsolutePath() + " (Node.js 20 or newer; ./openvod test does it)")
                .isDirectory();
    }

    @Test
    void ordinaryFootagePassesWithTheModelsRealScores() throws Exception {
        requireInstalled();
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        TestOutputs.Progress progress = new TestOutputs.Progress();
        PornReviewStep step = new PornReviewStep(tools, sidecar);

        long started = System.nanoTime();
        ObjectNode output = step.run(TestOutputs.input(temp, clip, 7, TestOutputs.json().put("Definition", 10), outputs),
                progress);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(step.type()).isEqualTo("Porn");
        assertThat(output.path("Suggestion").asText()).isEqualTo("pass");
        assertThat(output.path("Label").asText()).isEmpty();
        assertThat(output.path("Confidence").asDouble()).isBetween(0.0, 59.99);
        assertThat(output.path("SegmentSet").isArray()).isTrue();
        assertThat(output.path("SegmentSet")).isEmpty();
        assertThat(output.has("SegmentSetFileUrl")).as("no segment file, no URL nor expiry").isFalse();
        assertThat(output.has("SegmentSetFileUrlExpireTime")).isFalse();
        assertThat(progress.reports).last().isEqualTo(100);
        assertThat(progress.reports).isSorted();

        // The frames' raw scores: a probability distribution, with the test pattern drawn or neutral.
        Path frames = Files.createDirectories(temp.resolve("frames"));
        List<Path> jpegs = new ArrayList<>();
        for (double at : new double[] {0.5, 3, 6}) {
            Path jpeg = frames.resolve(at + ".jpg");
            FrameGrab.grab(new FfmpegJob(tools), clip, at, jpeg);
            jpegs.add(jpeg);
        }
        long classifyStarted = System.nanoTime();
        List<FrameScores> scores = sidecar.classify(jpegs);
        double perFrame = (System.nanoTime() - classifyStarted) / 1e6 / jpegs.size();
        assertThat(scores).hasSize(3);
        for (FrameScores frame : scores) {
            assertThat(frame.probabilities()).containsOnlyKeys("Drawing", "Hentai", "Neutral", "Porn", "Sexy");
            assertThat(frame.probabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    within(0.01));
            assertThat(frame.probability("Neutral") + frame.probability("Drawing")).isGreaterThan(0.5);
            assertThat(frame.porn()).isLessThan(0.6);
        }
        System.out.printf("nsfwjs review: model loaded in %.0f ms, step over 7 s of video %d ms, %.0f ms per frame; scores %s%n",
                sidecar.loadMillis(), millis, perFrame, scores);
    }

    @Test
    void streamedFramesScoreAsTheJpegPathDidFrameByFrame() throws Exception {
        requireInstalled();
        Path clip640 = TestClips.mp4(temp.resolve("clip640.mp4"), Duration.ofSeconds(13), 640, 360);
        // The path before: all frames sampled as JPEGs, then each classified by nsfwjs's own classify().
        List<FrameScores> before = new ArrayList<>();
        ContentReviewer reference = jpegs -> {
            List<FrameScores> s = sidecar.classifyReference(jpegs);
            before.addAll(s);
            return s;
        };
        // The path now: pixels streamed from FFmpeg, classified by the folded graph.
        Map<Integer, FrameScores> streamed = new ConcurrentSkipListMap<>();
        RgbReviewer recording = new RgbReviewer() {
            @Override
            public List<FrameScores> classifyRgb(List<RgbFrame> frames) throws StepFailure {
                List<FrameScores> s = sidecar.classifyRgb(frames);
                for (int i = 0; i < frames.size(); i++) {
                    assertThat(streamed.put(frames.get(i).index(), s.get(i))).as("frame classified twice").isNull();
                }
                return s;
            }

            @Override
            public List<FrameScores> classify(List<Path> jpegs) {
                throw new AssertionError("frames must be streamed");
            }

            @Override
            public int parallelism() {
                return sidecar.parallelism();
            }
        };

        for (Path source : List.of(clip, clip640)) {
            before.clear();
            streamed.clear();
            double duration = source == clip ? 7 : 13;
            ObjectNode old = new PornReviewStep(tools, reference).run(TestOutputs.input(temp, source, duration,
                    TestOutputs.json().put("Definition", 10), new TestOutputs(temp.resolve("old"))), null);
            ObjectNode now = new PornReviewStep(tools, recording).run(TestOutputs.input(temp, source, duration,
                    TestOutputs.json().put("Definition", 10), new TestOutputs(temp.resolve("new"))), null);

            int frames = source == clip ? 4 : 7;
            assertThat(before).hasSize(frames);
            assertThat(streamed.keySet()).containsExactlyElementsOf(java.util.stream.IntStream.range(0, frames).boxed().toList());
            Map<String, Double> largest = new java.util.TreeMap<>();
            for (int n = 0; n < frames; n++) {
                for (String c : List.of("Drawing", "Hentai", "Neutral", "Porn", "Sexy")) {
                    double difference = Math.abs(before.get(n).probability(c) - streamed.get(n).probability(c));
                    largest.merge(c, difference, Math::max);
                    // JPEG's loss and its colour conversion aside, the same pixels through the same model.
                    assertThat(difference).as("frame %d, %s", n, c).isLessThan(c.equals("Drawing") || c.equals("Neutral") ? 0.1 : 0.005);
                }
            }
            assertThat(now.path("Suggestion").asText()).isEqualTo(old.path("Suggestion").asText());
            assertThat(now.path("Label").asText()).isEqualTo(old.path("Label").asText());
            assertThat(now.path("Confidence").asDouble()).isCloseTo(old.path("Confidence").asDouble(), within(1.0));
            System.out.printf("streamed vs JPEG path on %s, %d frames: largest differences %s; Confidence %s vs %s%n",
                    source.getFileName(), frames, largest, now.path("Confidence"), old.path("Confidence"));
        }
    }

    @Test
    void outputListsFramesAtOrAboveTheReviewThreshold() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        // Frames at 0, 2, 4, 6 s: neutral, sexy 0.7 (review), hentai 0.95 (block), neutral.
        List<Map<String, Double>> script = List.of(
                Map.of("Neutral", 0.9, "Drawing", 0.1),
                Map.of("Sexy", 0.7, "Neutral", 0.3),
                Map.of("Hentai", 0.95, "Porn", 0.02, "Drawing", 0.03),
                Map.of("Neutral", 1.0));
        List<Path> seen = new ArrayList<>();
        ContentReviewer scripted = jpegs -> {
            List<FrameScores> result = new ArrayList<>();
            for (Path jpeg : jpegs) {
                result.add(new FrameScores(script.get(seen.size())));
                seen.add(jpeg);
            }
            return result;
        };

        ObjectNode output = new PornReviewStep(tools, scripted).run(
                TestOutputs.input(temp, clip, 7, TestOutputs.json().put("Definition", 10), outputs), null);

        assertThat(seen).hasSize(4);
        assertThat(output.path("Confidence").asDouble()).isEqualTo(95.0);
        assertThat(output.path("Suggestion").asText()).isEqualTo("block");
        assertThat(output.path("Label").asText()).isEqualTo("porn");
        JsonNode segments = output.path("SegmentSet");
        assertThat(segments).hasSize(2);
        JsonNode sexy = segments.get(0);
        assertThat(sexy.path("StartTimeOffset").asDouble()).isEqualTo(1.0);
        assertThat(sexy.path("EndTimeOffset").asDouble()).isEqualTo(3.0);
        assertThat(sexy.path("Confidence").asDouble()).isEqualTo(70.0);
        assertThat(sexy.path("Label").asText()).isEqualTo("sexy");
        assertThat(sexy.path("Suggestion").asText()).isEqualTo("review");
        assertThat(sexy.path("Url").asText()).isEqualTo(TestOutputs.BASE + "review/porn/1.jpg");
        assertThat(sexy.path("PicUrlExpireTimeStamp").asLong()).as("stored frames never expire").isEqualTo(253_402_300_799L);
        assertThat(sexy.path("PicUrlExpireTime").asText()).isEqualTo("9999-12-31T23:59:59Z");
        JsonNode porn = segments.get(1);
        assertThat(porn.path("StartTimeOffset").asDouble()).isEqualTo(3.0);
        assertThat(porn.path("EndTimeOffset").asDouble()).isEqualTo(5.0);
        assertThat(porn.path("Label").asText()).isEqualTo("porn");
        assertThat(porn.path("Suggestion").asText()).isEqualTo("block");
        assertThat(Files.size(outputs.file(porn.path("Url").asText()))).isPositive();
        assertThat(output.path("SegmentSetFileUrl").asText()).isEqualTo(TestOutputs.BASE + "review/porn/segments.json");
        assertThat(new ObjectMapper().readTree(outputs.file(output.path("SegmentSetFileUrl").asText()).toFile()))
                .isEqualTo(segments);
    }

    @Test
    void thresholdsAreConfigurable() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        ContentReviewer sexy = jpegs -> jpegs.stream().map(j -> new FrameScores(Map.of("Sexy", 0.5, "Neutral", 0.5))).toList();

        ObjectNode output = new PornReviewStep(tools, sexy, new PornReviewStep.Thresholds(40, 50)).run(
                TestOutputs.input(temp, clip, 7, TestOutputs.json().put("Definition", 10), outputs), null);

        assertThat(output.path("Suggestion").asText()).isEqualTo("block");
        assertThat(output.path("Label").asText()).isEqualTo("sexy");
        assertThat(output.path("SegmentSet")).hasSize(4);
        assertThatThrownBy(() -> new PornReviewStep.Thresholds(70, 60)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingSidecarFailsTheReviewNeverPasses() {
        try (NsfwjsSidecar missing = new NsfwjsSidecar(temp.resolve("no-such-sidecar"), "node")) {
            assertThatThrownBy(() -> new PornReviewStep(tools, missing).run(
                    TestOutputs.input(temp, clip, 7, TestOutputs.json().put("Definition", 10),
                            new TestOutputs(temp.resolve("out"))), null))
                    .isInstanceOfSatisfying(StepFailure.class, f -> {
                        assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE);
                        assertThat(f.getMessage()).contains("no review sidecar");
                    });
        }
    }

    @Test
    void uninstalledSidecarAsksForNpmCi() throws Exception {
        Path bare = Files.createDirectories(temp.resolve("bare"));
        Files.copy(SIDECAR.resolve("server.mjs"), bare.resolve("server.mjs"));
        try (NsfwjsSidecar uninstalled = new NsfwjsSidecar(bare, "node")) {
            assertThatThrownBy(() -> uninstalled.classify(List.of(temp.resolve("any.jpg"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> {
                        assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE);
                        assertThat(f.getMessage()).contains("npm ci");
                    });
        }
    }

    @Test
    void missingNodeFailsClearly() {
        requireInstalled();
        try (NsfwjsSidecar noNode = new NsfwjsSidecar(SIDECAR, temp.resolve("no-node").toString())) {
            assertThatThrownBy(() -> noNode.classify(List.of(temp.resolve("any.jpg"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> {
                        assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE);
                        assertThat(f.getMessage()).contains("Node.js not found");
                    });
        }
    }
}
