package io.openvod.platform.review;

import io.openvod.platform.flow.StepFailure;
import java.util.List;

/**
 * A {@link ContentReviewer} that also classifies decoded frames ({@link RgbFrame}s), so that the
 * review step can hand it each frame as FFmpeg decodes it, with no JPEG written and read in
 * between. Reviewers without this capability get JPEGs through {@link ContentReviewer#classify}.
 * Adapters: {@link NsfwjsSidecar}.
 *
 * <p>Calls may overlap: the review keeps up to {@link #parallelism()} of them under way, each from
 * its own thread, while it reads the next frames.
 */
public interface RgbReviewer extends ContentReviewer {
    /**
     * The class scores of each frame, in the order given, computed as {@link #classify} computes them
     * for the same pixels.
     *
     * @throws StepFailure {@link ContentReviewer#UNAVAILABLE} when the model cannot run;
     *     {@link ContentReviewer#INVALID_INPUT} for a frame it cannot take (too large)
     */
    List<FrameScores> classifyRgb(List<RgbFrame> frames) throws StepFailure;

    /** How many {@link #classifyRgb} calls are worth having under way at once; at least 1. */
    default int parallelism() {
        return 1;
    }
}
