package io.openvod.platform.flow.steps;

import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The frame review that the legacy {@code Porn} review and {@code ReviewAudioVideo} share: frames
 * are sampled in one pass of FFmpeg, one every {@link #INTERVAL_SECONDS} seconds from the start
 * (the interval grows for long media so that at most {@link #MAX_FRAMES} are taken), and each is
 * classified by the {@link ContentReviewer}.
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

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;
    private final ContentReviewer reviewer;

    FrameReview(FfmpegTools tools, ContentReviewer reviewer) {
        Objects.requireNonNull(tools, "tools == null");
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
        List<Path> jpegs = FrameGrab.sample(ffmpeg, input.source(), input.workDir(), "review", duration, interval, MAX_FRAMES,
                BASE_TIMEOUT, progress == null ? null : p -> progress.progress(p * 30 / 100));
        if (jpegs.isEmpty()) {
            throw new StepFailure(FfmpegJob.INVALID_INPUT, "ffmpeg took no frame of " + input.source().getFileName()
                    + " to review (no decodable frame)", false);
        }
        List<Frame> frames = new ArrayList<>();
        double topConfidence = 0;
        String topLabel = "";
        for (int n = 0; n < jpegs.size(); n++) {
            List<FrameScores> scores = reviewer.classify(List.of(jpegs.get(n)));
            if (scores.size() != 1) {
                throw new StepFailure(ContentReviewer.UNAVAILABLE, "the reviewer returned " + scores.size()
                        + " results for one frame", true);
            }
            FrameScores frame = scores.getFirst();
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
            if (progress != null) {
                progress.progress(30 + 69 * (n + 1) / jpegs.size());
            }
        }
        return new Result(List.copyOf(frames), topConfidence, topLabel, jpegs.getFirst().getParent());
    }

    /** A 0–1 score as Tencent's 0–100 confidence, to two decimals. */
    static double confidence(double score) {
        return Math.round(Math.max(0, Math.min(1, score)) * 10000) / 100.0;
    }

    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
