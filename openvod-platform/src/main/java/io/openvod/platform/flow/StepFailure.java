package io.openvod.platform.flow;

import java.util.Objects;

/**
 * A step failed. {@code errCodeExt} is Tencent's video-processing error code (e.g.
 * {@code SourceFileError.ContentMalformed} for an input FFmpeg cannot decode,
 * {@code FailedOperation.ReviewUnavailable} when the review model cannot run; see
 * {@link TaskErrors}); the message is shown in the task's {@code Message}.
 */
public final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final String errCodeExt;
    private final boolean retryable;

    public StepFailure(String errCodeExt, String message, boolean retryable) {
        super(message);
        this.errCodeExt = Objects.requireNonNull(errCodeExt, "errCodeExt == null");
        this.retryable = retryable;
    }

    public StepFailure(String errCodeExt, String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.errCodeExt = Objects.requireNonNull(errCodeExt, "errCodeExt == null");
        this.retryable = retryable;
    }

    public String errCodeExt() {
        return errCodeExt;
    }

    /** Whether running the step again may succeed (a crash of FFmpeg, a busy sidecar), unlike a corrupt input. */
    public boolean retryable() {
        return retryable;
    }
}
