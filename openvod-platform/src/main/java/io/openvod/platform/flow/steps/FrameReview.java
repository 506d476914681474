package io.openvod.platform.flow.steps;

import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import io.openvod.platform.review.RgbFrame;
import io.openvod.platform.review.RgbReviewer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The frame review that the legacy {@code Porn} review and {@code ReviewAudioVideo} share: frames
 * are sampled in one pass of FFmpeg, one every {@link #INTERVAL_SECONDS} seconds from the start
 * (the interval grows for long media so that at most {@link #MAX_FRAMES} are taken), and each is
 * classified by the {@link ContentReviewer}. A reviewer that takes decoded frames
 * ({@link RgbReviewer}, such as the nsfwjs sidecar) gets each frame's pixels while FFmpeg goes on
 * decoding ({@link FrameStream}), so that decoding and classification overlap and no JPEG is
 * decoded to be classified; any other reviewer gets the sampled JPEGs once FFmpeg is done, one at a
 * time. Either way each sampled frame is also kept as a JPEG (for the segments that link to it),
 * and every frame the result lists was classified.
 *
 * <p>Per frame, the {@code porn} score is the larger of the model's {@code Porn} and
 * {@code Hentai} probabilities, the {@code sexy} score its {@code Sexy} probability; the frame's
 * label is the larger of the two and its confidence that score × 100 (two decimals). A frame
 * spans its sampled time ± half the interval, within the media. When the model cannot run the
 * review fails with {@link ContentReviewer#UNAVAILABLE} (retryable); it never passes unreviewed
 * media.
 */
final class FrameReview {
    static final double INTERVAL_SECONDS = 2;
    static final int MAX_FRAMES = 100;
    /** The most frames, and bytes of frames, handed to an {@link RgbReviewer} in one call. */
    static final int MAX_BATCH = 4;
    static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(5);

    /**
     * One classified frame.
     *
     * @param index its place among the sampled frames, from 0
     * @param start the start of the span it stands for, in seconds
     * @param end the end of that span
     * @param confidence the larger of its porn and sexy scores, 0–100
     * @param label {@code porn} or {@code sexy}, whichever scored higher
     * @param jpeg the frame, in the step's work directory
     */
    record Frame(int index, double start, double end, double confidence, String label, Path jpeg) {
    }

    /**
     * The classified frames in time order, and the highest-scoring one's confidence and label.
     *
     * @param directory where the frames are (for files the step writes next to them)
     */
    record Result(List<Frame> frames, double topConfidence, String topLabel, Path directory) {
    }

    private final FfmpegTools tools;
    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;
    private final ContentReviewer reviewer;

    FrameReview(FfmpegTools tools, ContentReviewer reviewer) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer == null");
    }

    /** Samples and classifies the frames of the step's source; reports progress 0–99. */
    Result review(StepInput input, TaskStep.ProgressListener progress) throws StepFailure {
        MediaMetadata source = StepSupport.probe(probe, input.source());
        FrameGrab.requireVideo(source, input.source());
        double duration = StepSupport.duration(input, source);
        double interval = duration > 0 ? Math.max(INTERVAL_SECONDS, duration / MAX_FRAMES) : INTERVAL_SECONDS;
        Classified classified = reviewer instanceof RgbReviewer rgb ? streamed(rgb, input, duration, interval, progress)
                : sampledFirst(input, duration, interval, progress);
        List<Path> jpegs = classified.jpegs();
        List<Frame> frames = new ArrayList<>();
        double topConfidence = 0;
        String topLabel = "";
        for (int n = 0; n < jpegs.size(); n++) {
            FrameScores frame = classified.scores().get(n);
            boolean porn = frame.porn() >= frame.sexy();
            double confidence = confidence(porn ? frame.porn() : frame.sexy());
            String label = porn ? "porn" : "sexy";
            if (confidence > topConfidence || n == 0) {
                topConfidence = confidence;
                topLabel = label;
            }
            double at = duration > 0 ? Math.min(n * interval, duration) : n * interval;
            double start = seconds(Math.max(0, at - interval / 2));
            double end = seconds(duration > 0 ? Math.min(duration, at + interval / 2) : at + interval / 2);
            frames.add(new Frame(n, start, end, confidence, label, jpegs.get(n)));
        }
        return new Result(List.copyOf(frames), topConfidence, topLabel, jpegs.getFirst().getParent());
    }

    /** The sampled frames' JPEGs and their scores, one for one and in order. */
    private record Classified(List<Path> jpegs, List<FrameScores> scores) {
    }

    /**
     * For a reviewer that takes decoded frames: each frame is classified as FFmpeg hands it over
     * ({@link FrameStream}), in batches of what has arrived while earlier ones were classified (at
     * most {@value #MAX_BATCH} frames or {@value #MAX_BATCH_BYTES} bytes), with up to
     * {@link RgbReviewer#parallelism()} batches under way. FFmpeg decodes on while the model
     * classifies; when the classification lags, FFmpeg waits.
     */
    private Classified streamed(RgbReviewer rgb, StepInput input, double duration, double interval,
                                TaskStep.ProgressListener progress) throws StepFailure {
        Progress report = new Progress(progress, expectedFrames(duration, interval));
        Semaphore slots = new Semaphore(Math.max(1, rgb.parallelism()));
        AtomicInteger done = new AtomicInteger();
        List<Future<List<FrameScores>>> calls = new ArrayList<>();
        try (FrameStream stream = FrameStream.start(tools, input.source(), input.workDir(), "review", duration, interval,
                MAX_FRAMES, BASE_TIMEOUT.plusMillis((long) (duration * 1000)));
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try {
                List<RgbFrame> batch = new ArrayList<>();
                long bytes = 0;
                for (RgbFrame frame; (frame = stream.next()) != null; ) {
                    batch.add(frame);
                    bytes += frame.bytes();
                    boolean full = batch.size() >= MAX_BATCH || bytes >= MAX_BATCH_BYTES;
                    if (full ? acquire(slots) : slots.tryAcquire()) {
                        calls.add(threads.submit(call(rgb, List.copyOf(batch), slots, done)));
                        batch = new ArrayList<>();
                        bytes = 0;
                    }
                    failFast(calls);
                    report.frames(done.get());
                }
                if (!batch.isEmpty() && acquire(slots)) {
                    calls.add(threads.submit(call(rgb, List.copyOf(batch), slots, done)));
                }
                List<Path> jpegs = stream.finish();
                if (jpegs.isEmpty()) {
                    throw noFrame(input);
                }
                List<FrameScores> scores = new ArrayList<>(jpegs.size());
                for (Future<List<FrameScores>> call : calls) {
                    scores.addAll(result(call));
                    report.frames(done.get());
                }
                if (scores.size() != jpegs.size()) {
                    throw new StepFailure(ContentReviewer.UNAVAILABLE, "the reviewer classified " + scores.size() + " of "
                            + jpegs.size() + " frames", true);
                }
                return new Classified(jpegs, scores);
            } finally {
                calls.forEach(call -> call.cancel(true));
            }
        }
    }

    private static Callable<List<FrameScores>> call(RgbReviewer rgb, List<RgbFrame> batch, Semaphore slots, AtomicInteger done) {
        return () -> {
            try {
                List<FrameScores> scores = rgb.classifyRgb(batch);
                if (scores.size() != batch.size()) {
                    throw new StepFailure(ContentReviewer.UNAVAILABLE, "the reviewer returned " + scores.size()
                            + " results for " + batch.size() + " frames", true);
                }
                done.addAndGet(batch.size());
                return scores;
            } finally {
                slots.release();
            }
        };
    }

    private static boolean acquire(Semaphore slots) throws StepFailure {
        try {
            slots.acquire();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(ContentReviewer.UNAVAILABLE, "interrupted while frames were classified", true, e);
        }
    }

    /** Fails at once when a batch already failed, rather than after FFmpeg has decoded the rest. */
    private static void failFast(List<Future<List<FrameScores>>> calls) throws StepFailure {
        for (Future<List<FrameScores>> call : calls) {
            if (call.state() == Future.State.FAILED) {
                result(call);
            }
        }
    }

    private static List<FrameScores> result(Future<List<FrameScores>> call) throws StepFailure {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StepFailure failure) {
                throw failure;
            }
            throw new StepFailure(ContentReviewer.UNAVAILABLE, "the reviewer failed: " + e.getCause(), true, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(ContentReviewer.UNAVAILABLE, "interrupted while frames were classified", true, e);
        }
    }

    /** How many frames sampling takes from media of this length, for progress only. */
    static int expectedFrames(double duration, double interval) {
        return duration > 0 ? (int) Math.min(MAX_FRAMES, Math.floor(duration / interval) + 1) : MAX_FRAMES;
    }

    /** Progress 0–99 over the frames classified, reported from the step's thread, never decreasing. */
    private static final class Progress {
        private final TaskStep.ProgressListener listener;
        private final int expected;
        private int reported = -1;

        Progress(TaskStep.ProgressListener listener, int expected) {
            this.listener = listener;
            this.expected = Math.max(1, expected);
        }

        void frames(int classified) {
            int percent = Math.min(99, classified * 99 / expected);
            if (listener != null && percent > reported) {
                reported = percent;
                listener.progress(percent);
            }
        }
    }

    /**
     * For a reviewer that takes JPEGs: all frames sampled first in one FFmpeg run (progress 0–30),
     * then classified one at a time (30–99).
     */
    private Classified sampledFirst(StepInput input, double duration, double interval, TaskStep.ProgressListener progress)
            throws StepFailure {
        List<Path> jpegs = FrameGrab.sample(ffmpeg, input.source(), input.workDir(), "review", duration, interval, MAX_FRAMES,
                BASE_TIMEOUT, progress == null ? null : p -> progress.progress(p * 30 / 100));
        if (jpegs.isEmpty()) {
            throw noFrame(input);
        }
        List<FrameScores> scores = new ArrayList<>(jpegs.size());
        for (Path jpeg : jpegs) {
            List<FrameScores> one = reviewer.classify(List.of(jpeg));
            if (one.size() != 1) {
                throw new StepFailure(ContentReviewer.UNAVAILABLE, "the reviewer returned " + one.size()
                        + " results for one frame", true);
            }
            scores.add(one.getFirst());
            if (progress != null) {
                progress.progress(30 + 69 * scores.size() / jpegs.size());
            }
        }
        return new Classified(jpegs, scores);
    }

    private static StepFailure noFrame(StepInput input) {
        return new StepFailure(FfmpegJob.INVALID_INPUT, "ffmpeg took no frame of " + input.source().getFileName()
                + " to review (no decodable frame)", false);
    }

    /** A 0–1 score as Tencent's 0–100 confidence, to two decimals. */
    static double confidence(double score) {
        return Math.round(Math.max(0, Math.min(1, score)) * 10000) / 100.0;
    }

    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
