package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What one run of a task's step gave: its Output, or an error. */
sealed interface StepAttempt {
    record Done(ObjectNode output) implements StepAttempt {
    }

    /** @param transientFailure whether the failure passes by itself ({@link TransientFailures}) */
    record Error(String errCodeExt, String message, boolean retryable, boolean transientFailure) implements StepAttempt {
    }

    /** The step returned {@code output} ({@code null}: an empty Output). */
    static StepAttempt done(ObjectNode output) {
        return new Done(output == null ? new ObjectMapper().createObjectNode() : output);
    }

    /**
     * The step threw {@code e}: a {@link StepFailure} as it says; anything else (an I/O error, a bug)
     * as a retryable {@link TaskErrors#INTERNAL}.
     */
    static StepAttempt failed(Exception e) {
        if (e instanceof StepFailure f) {
            return new Error(f.errCodeExt(), f.getMessage(), f.retryable(), f.retryable() && TransientFailures.isTransient(f));
        }
        return new Error(TaskErrors.INTERNAL, "the step failed: " + e, true, TransientFailures.isTransient(e));
    }
}
