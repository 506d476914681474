package io.openvod.platform.trace;

import io.openvod.core.OpenVodException;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How the platform starts its steps: as children of a known position, or, without one, as the
 * root of a new trace ({@link UploadTrace#newRoot()}), so that steps of the new trace that come
 * later hang from it. The attribute names the steps record are here too.
 */
public final class TraceSteps {
    /** The media a step works on. */
    public static final String FILE_ID = "openvod.file_id";
    /** The TaskId of a task flow. */
    public static final String TASK_ID = "openvod.task_id";
    /** The event a push delivers. */
    public static final String EVENT_ID = "openvod.event_id";

    private TraceSteps() {
    }

    /** A step that answers a request (Apply, a part, Commit). */
    public static TraceStep server(Tracing tracing, String name, Optional<TraceParent> parent) {
        return parent.map(p -> tracing.serverStep(name, p)).orElseGet(() -> tracing.root(name, UploadTrace.newRoot()));
    }

    /** A step of work in the background (a task attempt, a push). */
    public static TraceStep background(Tracing tracing, String name, Optional<TraceParent> parent) {
        return parent.map(p -> tracing.step(name, p)).orElseGet(() -> tracing.root(name, UploadTrace.newRoot()));
    }

    /**
     * Runs {@code work} in {@code step}; when it throws, marks the step failed with the error's code
     * (an {@link OpenVodException}'s, else the exception's class name: never its message) and rethrows.
     */
    public static <T> T run(TraceStep step, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            step.failed(describe(e));
            throw e;
        }
    }

    /** What a failed step records of {@code e}: an {@link OpenVodException}'s code, else the exception's class name. */
    public static String describe(RuntimeException e) {
        return e instanceof OpenVodException o ? o.errorCode().code() : e.getClass().getSimpleName();
    }
}
