package io.openvod.platform.review;

import io.openvod.platform.flow.StepFailure;
import java.nio.file.Path;
import java.util.List;

/**
 * Classifies video frames for content review (port). Adapters: {@link NsfwjsSidecar} (the bundled
 * Node.js nsfwjs model), {@link OnnxContentReviewer} (an operator-supplied ONNX model in process)
 * and {@link HttpContentReviewer} (an external classification service). A reviewer that can also
 * take decoded frames as they are decoded implements {@link RgbReviewer} too. An implementation that
 * cannot run its model fails with {@link #UNAVAILABLE}: a review never passes because nothing
 * looked at the frames.
 */
public interface ContentReviewer extends AutoCloseable {
    /** {@code ErrCodeExt} of a review whose model cannot run (Node.js or the model missing, the sidecar crashing). */
    String UNAVAILABLE = io.openvod.platform.flow.TaskErrors.REVIEW_UNAVAILABLE;
    /** {@code ErrCodeExt} of a frame the model cannot read (not a JPEG, or refused by the service). */
    String INVALID_INPUT = io.openvod.platform.flow.TaskErrors.SOURCE_MALFORMED;

    /**
     * The class scores of each JPEG, in the order given.
     *
     * @throws StepFailure {@link #UNAVAILABLE} when the model cannot run; {@link #INVALID_INPUT}
     *     for a frame the model cannot read
     */
    List<FrameScores> classify(List<Path> jpegs) throws StepFailure;

    /** Where the engine stands, for readiness probes. */
    enum Status {
        /** Not started yet (it starts on the first review), or stopped after it ran: fine. */
        IDLE,
        /** Running. */
        UP,
        /** Its last start failed; the next review tries again. */
        DOWN
    }

    /**
     * Where the engine stands, answered at once without starting anything; {@link Status#IDLE} by
     * default (engines that start nothing, or a remote service that a probe must not call).
     */
    default Status status() {
        return Status.IDLE;
    }

    /** Releases the model, process or connections; further classifications fail. Nothing by default. */
    @Override
    default void close() {
    }
}
