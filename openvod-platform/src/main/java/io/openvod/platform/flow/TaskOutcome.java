package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What becomes of a claimed task once its worker is done with it; {@link FlowEngine} records it in the {@link TaskQueue}. */
sealed interface TaskOutcome {

    /** The step produced {@code output}; the flow's media changes by {@code change}. */
    record Succeeded(ObjectNode output, MediaChange change) implements TaskOutcome {
    }

    /**
     * The attempt failed and another one follows after {@code delayMillis}.
     *
     * @param transientFailure whether the failure passes by itself (storage, database or review engine unavailable)
     */
    record Retry(String errCodeExt, String message, long delayMillis, boolean transientFailure) implements TaskOutcome {
    }

    /**
     * The task failed for good.
     *
     * @param gaveUp whether its failure was retryable and the attempts are spent (rather than refused or permanent)
     */
    record Failed(String errCodeExt, String message, boolean gaveUp) implements TaskOutcome {
    }

    /** Another worker took the task over (this one's lease ran out): its result is dropped. */
    record LeaseLost() implements TaskOutcome {
    }

    /** The node is stopping: the task goes back to the queue, its attempt not counted. */
    record Released() implements TaskOutcome {
    }
}
