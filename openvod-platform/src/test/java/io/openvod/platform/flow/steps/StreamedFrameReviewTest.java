package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.review.RgbFrame;
import io.openvod.platform.review.RgbReviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review steps with a reviewer that takes decoded frames: every sampled frame is classified
 * exactly once, while FFmpeg decodes, in bounded batches with bounded overlap, and a failure ends
 * the review at once.
 */
class StreamedFrameReviewTest {
    /** 21 s: frames at 0, 2, … 20 s. */
    static final int FRAMES = 11;

    @TempDir
    static Path clips;
    static Path clip;

    @TempDir
    Path temp;

    private final FfmpegTools tools = FfmpegTools.bundled();

    @BeforeAll
    static void makeClip() {
        clip = TestClips.mp4(clips.resolve("clip.mp4"), Duration.ofSeconds(21), 320, 240);
    }

    /** Scores frames by index, records what it saw, and how many calls ran at once. */
    static class Scripted implements RgbReviewer {
        final Map<Integer, Integer> seen = new ConcurrentHashMap<>();
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger jpegCalls = new AtomicInteger();
        private final IntFunction<FrameScores> script;
        private final int parallelism;

        Scripted(int parallelism, IntFunction<FrameScores> script) {
            this.parallelism = parallelism;
            this.script = script;
        }

        @Override
        public List<FrameScores> classifyRgb(List<RgbFrame> frames) throws StepFailure {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30); // long enough for frames to arrive meanwhile
                batchSizes.add(frames.size());
                List<FrameScores> scores = new ArrayList<>();
                for (RgbFrame frame : frames) {
                    assertThat(frame.width()).isEqualTo(320);
                    seen.merge(frame.index(), 1, Integer::sum);
                    scores.add(script.apply(frame.index()));
                }
                return scores;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailure(UNAVAILABLE, "interrupted", true, e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public List<FrameScores> classify(List<Path> jpegs) {
            jpegCalls.incrementAndGet();
            throw new AssertionError("frames must be streamed, not sent as JPEGs");
        }

        @Override
        public int parallelism() {
            return parallelism;
        }
    }

    @Test
    void everySampledFrameIsClassifiedOnceAndTheStepCountsExactlyThose() throws Exception {
        // Frame 3 is explicit (block), frame 7 suggestive (review), the rest neutral.
        Scripted reviewer = new Scripted(2, n -> n == 3 ? new FrameScores(Map.of("Porn", 0.95, "Neutral", 0.05))
                : n == 7 ? new FrameScores(Map.of("Sexy", 0.7, "Neutral", 0.3)) : new FrameScores(Map.of("Neutral", 1.0)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        TestOutputs.Progress progress = new TestOutputs.Progress();

        ObjectNode output = new PornReviewStep(tools, reviewer, PornReviewStep.Thresholds.DEFAULT, registry)
                .run(TestOutputs.input(temp, clip, 21, TestOutputs.json().put("Definition", 10), outputs), progress);

        assertThat(reviewer.seen).hasSize(FRAMES).allSatisfy((index, times) -> assertThat(times).as("frame %d", index).isOne());
        assertThat(reviewer.seen.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(reviewer.jpegCalls).hasValue(0);
        assertThat(registry.get("openvod.review.frames").tag("task_type", "Porn").counter().count()).isEqualTo(FRAMES);
        assertThat(reviewer.mostAtOnce.get()).isBetween(1, 2);
        assertThat(reviewer.batchSizes).allSatisfy(size -> assertThat(size).isBetween(1, FrameReview.MAX_BATCH));
        assertThat(reviewer.batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(FRAMES);
        assertThat(progress.reports).isSorted().last().isEqualTo(100);

        assertThat(output.path("Suggestion").asText()).isEqualTo("block");
        assertThat(output.path("Confidence").asDouble()).isEqualTo(95.0);
        JsonNode segments = output.path("SegmentSet");
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).path("StartTimeOffset").asDouble()).isEqualTo(5.0);
        assertThat(segments.get(0).path("Url").asText()).isEqualTo(TestOutputs.BASE + "review/porn/3.jpg");
        assertThat(segments.get(1).path("Label").asText()).isEqualTo("sexy");
        assertThat(segments.get(1).path("Url").asText()).isEqualTo(TestOutputs.BASE + "review/porn/7.jpg");
        assertThat(Files.size(outputs.file(segments.get(0).path("Url").asText()))).isPositive();
    }

    @Test
    void reviewAudioVideoStreamsItsFramesTheSameWay() throws Exception {
        Scripted reviewer = new Scripted(1, n -> new FrameScores(Map.of("Neutral", 1.0)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        ObjectNode output = new ReviewAudioVideoStep(tools, reviewer, PornReviewStep.Thresholds.DEFAULT, registry)
                .run(TestOutputs.input(temp, clip, 21, TestOutputs.json(), new TestOutputs(temp.resolve("out"))), null);

        assertThat(output.path("Suggestion").asText()).isEqualTo("pass");
        assertThat(reviewer.seen).hasSize(FRAMES);
        assertThat(reviewer.mostAtOnce).as("parallelism 1: one call at a time").hasValue(1);
        assertThat(registry.get("openvod.review.frames").tag("task_type", ReviewAudioVideoStep.TYPE).counter().count())
                .isEqualTo(FRAMES);
    }

    @Test
    void aBatchThatFailsEndsTheReviewAndFfmpeg() throws Exception {
        Path longer = TestClips.mp4(temp.resolve("longer.mp4"), Duration.ofSeconds(60), 320, 240);
        RgbReviewer failing = new Scripted(2, n -> {
            throw new IllegalStateException("never reached");
        }) {
            @Override
            public List<FrameScores> classifyRgb(List<RgbFrame> frames) throws StepFailure {
                throw new StepFailure(ContentReviewer.UNAVAILABLE, "the model is not running", true);
            }
        };

        long started = System.nanoTime();
        assertThatThrownBy(() -> new PornReviewStep(tools, failing).run(TestOutputs.input(temp, longer, 60,
                TestOutputs.json().put("Definition", 10), new TestOutputs(temp.resolve("out"))), null))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE);
                    assertThat(f.getMessage()).isEqualTo("the model is not running");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(ProcessHandle.current().descendants().filter(p -> p.info().commandLine().orElse("").contains(longer.toString()))
                .filter(ProcessHandle::isAlive)).as("no ffmpeg left running").isEmpty();
    }

    @Test
    void aReviewerThatAnswersTooFewScoresFailsTheReview() {
        RgbReviewer short1 = new Scripted(2, n -> new FrameScores(Map.of("Neutral", 1.0))) {
            @Override
            public List<FrameScores> classifyRgb(List<RgbFrame> frames) {
                return List.of();
            }
        };

        assertThatThrownBy(() -> new PornReviewStep(tools, short1).run(TestOutputs.input(temp, clip, 21,
                TestOutputs.json().put("Definition", 10), new TestOutputs(temp.resolve("out"))), null))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.errCodeExt()).isEqualTo(ContentReviewer.UNAVAILABLE);
                    assertThat(f.getMessage()).contains("returned 0 results for");
                });
    }

    @Test
    void mediaWithoutVideoIsRefusedBeforeAnythingIsClassified() throws Exception {
        Path audio = temp.resolve("tone.m4a");
        TestClips.ffmpeg(audio, List.of("-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-c:a", "aac", audio.toString()));
        Scripted reviewer = new Scripted(2, n -> new FrameScores(Map.of("Neutral", 1.0)));

        assertThatThrownBy(() -> new PornReviewStep(tools, reviewer).run(TestOutputs.input(temp, audio, 2,
                TestOutputs.json().put("Definition", 10), new TestOutputs(temp.resolve("out"))), null))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.errCodeExt()).isEqualTo(io.openvod.platform.flow.TaskErrors.NO_VIDEO);
                    assertThat(f.retryable()).isFalse();
                });
        assertThat(reviewer.seen).isEmpty();
    }
}
