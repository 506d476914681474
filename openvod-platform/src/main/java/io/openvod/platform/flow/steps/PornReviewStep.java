package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.review.ContentReviewer;
import io.openvod.platform.review.FrameScores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code Porn} content review: input {@code {Definition}} (any template id; all review the same
 * way). Frames are sampled in one pass of FFmpeg, one every {@link #INTERVAL_SECONDS} seconds from
 * the start (the interval grows for long media so that at most {@link #MAX_FRAMES} are taken), and
 * each is classified by the {@link ContentReviewer}.
 *
 * <p>Score mapping, per frame: the {@code porn} score is the larger of the model's {@code Porn}
 * and {@code Hentai} probabilities, the {@code sexy} score its {@code Sexy} probability; the
 * frame's {@code Label} is the larger of the two and its {@code Confidence} that score × 100.
 * {@code Suggestion} is {@code block} at or above the block threshold, {@code review} at or above
 * the review threshold, else {@code pass} ({@link Thresholds#DEFAULT}: 90 and 60). The media's
 * {@code Confidence}, {@code Label} and {@code Suggestion} are those of its highest-scoring frame
 * ({@code Label} is empty when the media passes).
 *
 * <p>{@code SegmentSet} lists the frames at or above the review threshold, each spanning its
 * sampled time ± half the interval (within the media), with the frame stored as
 * {@code review/porn/<n>.jpg} as its {@code Url}; stored frames do not expire, so
 * {@code PicUrlExpireTimeStamp} is 0 and {@code PicUrlExpireTime} empty. The whole list is also
 * stored as {@code review/porn/segments.json} ({@code SegmentSetFileUrl}) when it is not empty.
 * When the model cannot run the step fails with {@link ContentReviewer#UNAVAILABLE}; it never
 * passes unreviewed media.
 */
public final class PornReviewStep implements TaskStep {
    static final double INTERVAL_SECONDS = 2;
    static final int MAX_FRAMES = 100;
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Confidence thresholds, 0–100: a frame at or above {@code block} is {@code block}, at or above
     * {@code review} is {@code review}, else {@code pass}.
     */
    public record Thresholds(double review, double block) {
        public static final Thresholds DEFAULT = new Thresholds(60, 90);

        public Thresholds {
            if (!(review > 0 && review <= block && block <= 100)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < review <= block <= 100, not review "
                        + review + ", block " + block);
            }
        }

        String suggestion(double confidence) {
            return confidence >= block ? "block" : confidence >= review ? "review" : "pass";
        }
    }

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;
    private final ContentReviewer reviewer;
    private final Thresholds thresholds;

    public PornReviewStep(FfmpegTools tools, ContentReviewer reviewer) {
        this(tools, reviewer, Thresholds.DEFAULT);
    }

    public PornReviewStep(FfmpegTools tools, ContentReviewer reviewer, Thresholds thresholds) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
        this.reviewer = Objects.requireNonNull(reviewer, "reviewer == null");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    @Override
    public String type() {
        return "Porn";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        StepSupport.definition(input);
        MediaMetadata source = StepSupport.probe(probe, input.source());
        FrameGrab.requireVideo(source, input.source());
        double duration = StepSupport.duration(input, source);
        double interval = duration > 0 ? Math.max(INTERVAL_SECONDS, duration / MAX_FRAMES) : INTERVAL_SECONDS;
        List<Path> frames = FrameGrab.sample(ffmpeg, input.source(), input.workDir(), "review", duration, interval, MAX_FRAMES,
                BASE_TIMEOUT, progress == null ? null : p -> progress.progress(p * 30 / 100));
        if (frames.isEmpty()) {
            throw new StepFailure(FfmpegJob.INVALID_INPUT, "ffmpeg took no frame of " + input.source().getFileName()
                    + " to review (no decodable frame)", false);
        }

        ArrayNode segments = JsonNodeFactory.instance.arrayNode();
        double topConfidence = 0;
        String topLabel = "";
        for (int n = 0; n < frames.size(); n++) {
            List<FrameScores> scores = reviewer.classify(List.of(frames.get(n)));
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
            if (confidence >= thresholds.review()) {
                double at = duration > 0 ? Math.min(n * interval, duration) : n * interval;
                ObjectNode segment = segments.addObject();
                segment.put("StartTimeOffset", seconds(Math.max(0, at - interval / 2)));
                segment.put("EndTimeOffset", seconds(duration > 0 ? Math.min(duration, at + interval / 2) : at + interval / 2));
                segment.put("Confidence", confidence);
                segment.put("Label", label);
                segment.put("Suggestion", thresholds.suggestion(confidence));
                segment.put("Url", input.outputs().store("review/porn/" + n + ".jpg", frames.get(n)));
                segment.put("PicUrlExpireTimeStamp", 0);
                segment.put("PicUrlExpireTime", "");
            }
            if (progress != null) {
                progress.progress(30 + 69 * (n + 1) / frames.size());
            }
        }

        String suggestion = thresholds.suggestion(topConfidence);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Confidence", topConfidence);
        output.put("Suggestion", suggestion);
        output.put("Label", suggestion.equals("pass") ? "" : topLabel);
        ArrayNode listed = output.putArray("SegmentSet");
        for (int i = 0; i < Math.min(100, segments.size()); i++) {
            listed.add(segments.get(i));
        }
        output.put("SegmentSetFileUrl", segments.isEmpty() ? "" : storeSegments(input, frames.getFirst().getParent(), segments));
        output.put("SegmentSetFileUrlExpireTime", "");
        if (progress != null) {
            progress.progress(100);
        }
        return output;
    }

    private static String storeSegments(StepInput input, Path directory, ArrayNode segments) throws StepFailure {
        Path file = directory.resolve("segments.json");
        try {
            JSON.writeValue(file.toFile(), segments);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot write the segment list: " + e.getMessage(), true, e);
        }
        return input.outputs().store("review/porn/segments.json", file);
    }

    /** A 0–1 score as Tencent's 0–100 confidence, to two decimals. */
    static double confidence(double score) {
        return Math.round(Math.max(0, Math.min(1, score)) * 10000) / 100.0;
    }

    private static double seconds(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
