package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.platform.events.EventTimes;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.review.ContentReviewer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code Porn} content review (legacy {@code AiContentReviewTask}): input {@code {Definition}}
 * (any template id; all review the same way). Frames are sampled and classified by
 * {@link FrameReview} (one every 2 seconds, at most 100).
 *
 * <p>{@code Suggestion} is {@code block} at or above the block threshold, {@code review} at or
 * above the review threshold, else {@code pass} ({@link Thresholds#DEFAULT}: 90 and 60). The
 * media's {@code Confidence}, {@code Label} ({@code porn} or {@code sexy}) and {@code Suggestion}
 * are those of its highest-scoring frame ({@code Label} is empty when the media passes).
 *
 * <p>{@code SegmentSet} lists the frames at or above the review threshold, each spanning its
 * sampled time ± half the interval (within the media), with the frame stored as
 * {@code review/porn/<n>.jpg} as its {@code Url}; stored files do not expire, so
 * {@code PicUrlExpireTime} is {@code 9999-12-31T23:59:59Z} ("never", as media's {@code ExpireTime})
 * and {@code PicUrlExpireTimeStamp} the same time in Unix seconds. The whole list is also stored
 * as {@code review/porn/segments.json} ({@code SegmentSetFileUrl}, with
 * {@code SegmentSetFileUrlExpireTime} {@code 9999-12-31T23:59:59Z}) when it is not empty; without
 * segments both fields are left out.
 * When the model cannot run the step fails with {@link ContentReviewer#UNAVAILABLE}; it never
 * passes unreviewed media.
 */
public final class PornReviewStep implements TaskStep {
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

    private final FrameReview frames;
    private final Thresholds thresholds;
    private final ReviewMetrics metrics;

    public PornReviewStep(FfmpegTools tools, ContentReviewer reviewer) {
        this(tools, reviewer, Thresholds.DEFAULT);
    }

    public PornReviewStep(FfmpegTools tools, ContentReviewer reviewer, Thresholds thresholds) {
        this(tools, reviewer, thresholds, null);
    }

    /** A step that counts the frames it classifies and its verdicts in {@code registry} ({@link ReviewMetrics}). */
    public PornReviewStep(FfmpegTools tools, ContentReviewer reviewer, Thresholds thresholds, MeterRegistry registry) {
        this.metrics = new ReviewMetrics(registry, "Porn");
        this.frames = new FrameReview(tools, reviewer);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    @Override
    public String type() {
        return "Porn";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        StepSupport.definition(input);
        FrameReview.Result result = frames.review(input, progress);
        ArrayNode segments = JsonNodeFactory.instance.arrayNode();
        for (FrameReview.Frame frame : result.frames()) {
            if (frame.confidence() >= thresholds.review()) {
                ObjectNode segment = segments.addObject();
                segment.put("StartTimeOffset", frame.start());
                segment.put("EndTimeOffset", frame.end());
                segment.put("Confidence", frame.confidence());
                segment.put("Label", frame.label());
                segment.put("Suggestion", thresholds.suggestion(frame.confidence()));
                segment.put("Url", input.outputs().store("review/porn/" + frame.index() + ".jpg", frame.jpeg()));
                segment.put("PicUrlExpireTimeStamp", EventTimes.NEVER_SECONDS);
                segment.put("PicUrlExpireTime", EventTimes.NEVER);
            }
        }

        String suggestion = thresholds.suggestion(result.topConfidence());
        metrics.reviewed(result, suggestion);
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Confidence", result.topConfidence());
        output.put("Suggestion", suggestion);
        output.put("Label", suggestion.equals("pass") ? "" : result.topLabel());
        ArrayNode listed = output.putArray("SegmentSet");
        for (int i = 0; i < Math.min(100, segments.size()); i++) {
            listed.add(segments.get(i));
        }
        if (!segments.isEmpty()) {
            output.put("SegmentSetFileUrl", storeSegments(input, result.directory(), segments, "review/porn/segments.json"));
            output.put("SegmentSetFileUrlExpireTime", EventTimes.NEVER);
        }
        if (progress != null) {
            progress.progress(100);
        }
        return output;
    }

    /** Writes the whole segment list as JSON and stores it as the media's output {@code name}. */
    static String storeSegments(StepInput input, Path directory, ArrayNode segments, String name) throws StepFailure {
        Path file = directory.resolve("segments.json");
        try {
            JSON.writeValue(file.toFile(), segments);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot write the segment list: " + e.getMessage(), true, e);
        }
        return input.outputs().store(name, file);
    }
}
