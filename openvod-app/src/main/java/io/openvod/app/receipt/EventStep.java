package io.openvod.app.receipt;

import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A step of an event's trace ({@code receive}, {@code process} or {@code forward} and the event
 * type), with the event's FileIds as {@code openvod.file_id}; nothing at all for an event that
 * belongs to no trace ({@link EventTrace}). While open, the thread's log lines carry the trace.
 */
final class EventStep implements AutoCloseable {
    static final String FILE_ID = "openvod.file_id";
    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final TraceStep step;

    private EventStep(TraceStep step) {
        this.step = step;
    }

    /** A step answering a request (a push received), continuing from {@code parent}. */
    static EventStep server(Tracing tracing, String name, Optional<TraceParent> parent, List<String> fileIds) {
        return new EventStep(parent.map(p -> tracing.serverStep(name, p)).map(s -> about(s, fileIds)).orElse(null));
    }

    /** A step of the app's own, continuing from {@code parent}. */
    static EventStep of(Tracing tracing, String name, Optional<TraceParent> parent, List<String> fileIds) {
        return new EventStep(parent.map(p -> tracing.step(name, p)).map(s -> about(s, fileIds)).orElse(null));
    }

    /** A step's name: {@code verb} and the event type (any type that is not a plain name of up to 64 letters is {@code Other}). */
    static String name(String verb, String eventType) {
        return verb + " " + (eventType != null && EVENT_TYPE.matcher(eventType).matches() ? eventType : "Other");
    }

    private static TraceStep about(TraceStep step, List<String> fileIds) {
        return fileIds.isEmpty() ? step : step.attribute(FILE_ID, String.join(",", fileIds));
    }

    /** This step's position (to pass on); empty when the event has no trace. */
    Optional<TraceParent> context() {
        return Optional.ofNullable(step).map(TraceStep::context);
    }

    /** Marks the step failed with a short description (never a secret). */
    void failed(String description) {
        if (step != null) {
            step.failed(description);
        }
    }

    @Override
    public void close() {
        if (step != null) {
            step.close();
        }
    }
}
