package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.platform.events.EventTimes;
import io.openvod.platform.flow.ReviewAudioVideoEvents;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.review.ContentReviewer;
import java.util.Objects;

/**
 * {@code ReviewAudioVideo} moderation of the media itself: input {@code {Definition,
 * ReviewContents}} (Tencent's {@code ProcedureReviewAudioVideoTaskInput}); review template
 * {@value #DEFINITION} (the default) is the platform's Porn review, and {@code ReviewContents}
 * must be {@code ["Media"]} (or absent). Frames are sampled and classified by {@link FrameReview}
 * exactly as the legacy {@code Porn} review does, with the same {@link PornReviewStep.Thresholds}.
 *
 * <p>Output, Tencent's {@code ReviewAudioVideoTaskOutput}: {@code Suggestion} of the
 * highest-scoring frame ({@code block} ≥ block threshold, {@code review} ≥ review threshold, else
 * {@code pass}); {@code Label} {@code Porn} and {@code Form} {@code Image} unless it passes (then
 * both are empty). {@code SegmentSet} holds the first {@value #LISTED} frames at or above the
 * review threshold as {@code ReviewAudioVideoSegmentItem}s ({@code Label} {@code Porn},
 * {@code SubLabel} {@code porn} or {@code sexy}, {@code Form} {@code Image}, the frame stored as
 * {@code review/audiovideo/<n>.jpg} as {@code Url}); the whole list is stored as
 * {@code review/audiovideo/segments.json} ({@code SegmentSetFileUrl}; left out with
 * {@code SegmentSetFileUrlExpireTime} when there is no segment). Stored files do not expire, so
 * the expiry times are {@code 9999-12-31T23:59:59Z} ("never", as media's {@code ExpireTime}). When the model cannot run the step fails with
 * {@link ContentReviewer#UNAVAILABLE} and is retried; it never passes unreviewed media.
 */
public final class ReviewAudioVideoStep implements TaskStep {
    /** The task type, as in {@code DescribeTaskDetail}'s {@code TaskType}. */
    public static final String TYPE = ReviewAudioVideoEvents.TYPE;
    /** The review template the platform has: Porn review of the media's frames. */
    public static final long DEFINITION = 10;
    static final int LISTED = 10;

    private final FrameReview frames;
    private final PornReviewStep.Thresholds thresholds;
    private final ReviewMetrics metrics;

    public ReviewAudioVideoStep(FfmpegTools tools, ContentReviewer reviewer, PornReviewStep.Thresholds thresholds) {
        this(tools, reviewer, thresholds, null);
    }

    /** A step that counts the frames it classifies and its verdicts in {@code registry} ({@link ReviewMetrics}). */
    public ReviewAudioVideoStep(FfmpegTools tools, ContentReviewer reviewer, PornReviewStep.Thresholds thresholds,
                                MeterRegistry registry) {
        this.metrics = new ReviewMetrics(registry, TYPE);
        this.frames = new FrameReview(tools, reviewer);
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds == null");
    }

    public ReviewAudioVideoStep(FfmpegTools tools, ContentReviewer reviewer) {
        this(tools, reviewer, PornReviewStep.Thresholds.DEFAULT);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        long definition = input.taskInput().path("Definition").isMissingNode() ? DEFINITION : StepSupport.definition(input);
        if (definition != DEFINITION) {
            throw new StepFailure(StepSupport.INVALID_DEFINITION, "review template " + definition + " does not exist; the platform has "
                    + DEFINITION, false);
        }
        for (JsonNode content : input.taskInput().path("ReviewContents")) {
            if (!content.asText().equals("Media")) {
                throw new StepFailure(io.openvod.platform.flow.TaskErrors.CONFIGURATION_UNSUPPORTED, "ReviewContents " + content + " is not reviewed by this platform", false);
            }
        }
        FrameReview.Result result = frames.review(input, progress);
        ArrayNode segments = JsonNodeFactory.instance.arrayNode();
        for (FrameReview.Frame frame : result.frames()) {
            if (frame.confidence() >= thresholds.review()) {
                ObjectNode segment = segments.addObject();
                segment.put("StartTimeOffset", frame.start());
                segment.put("EndTimeOffset", frame.end());
                segment.put("Confidence", frame.confidence());
                segment.put("Suggestion", thresholds.suggestion(frame.confidence()));
                segment.put("Label", "Porn");
                segment.put("SubLabel", frame.label());
                segment.put("Form", "Image");
                segment.putArray("AreaCoordSet");
                segment.put("Text", "");
                segment.putArray("KeywordSet");
                segment.put("Url", input.outputs().store("review/audiovideo/" + frame.index() + ".jpg", frame.jpeg()));
                segment.put("PicUrlExpireTime", EventTimes.NEVER);
            }
        }
        String suggestion = thresholds.suggestion(result.topConfidence());
        metrics.reviewed(result, suggestion);
        boolean pass = suggestion.equals("pass");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Suggestion", suggestion);
        output.put("Label", pass ? "" : "Porn");
        output.put("Form", pass ? "" : "Image");
        ArrayNode listed = output.putArray("SegmentSet");
        for (int i = 0; i < Math.min(LISTED, segments.size()); i++) {
            listed.add(segments.get(i));
        }
        if (!segments.isEmpty()) {
            output.put("SegmentSetFileUrl", PornReviewStep.storeSegments(input, result.directory(), segments,
                    "review/audiovideo/segments.json"));
            output.put("SegmentSetFileUrlExpireTime", EventTimes.NEVER);
        }
        if (progress != null) {
            progress.progress(100);
        }
        return output;
    }
}
