package io.openvod.platform.review;

import io.openvod.platform.flow.StepFailure;
import java.nio.file.Path;
import java.util.List;

/**
 * Classifies video frames for content review (port; the adapter is {@link NsfwjsSidecar}). An
 * implementation that cannot run its model fails with {@link #UNAVAILABLE}: a review never
 * passes because nothing looked at the frames.
 */
public interface ContentReviewer {
    /** {@code ErrCodeExt} of a review whose model cannot run (Node.js or the model missing, the sidecar crashing). */
    String UNAVAILABLE = "FailedOperation.ReviewUnavailable";

    /**
     * The class scores of each JPEG, in the order given.
     *
     * @throws StepFailure {@link #UNAVAILABLE} when the model cannot run; {@code FailedOperation.InvalidInput}
     *     for a frame the model cannot read
     */
    List<FrameScores> classify(List<Path> jpegs) throws StepFailure;
}
