package io.openvod.core.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/**
 * One step of a trace, open until closed: its span, and the trace and span ids on the log lines
 * of the thread that runs it.
 */
public final class TraceStep implements AutoCloseable {
    private final Span span;
    private final TraceParent context;
    private final LogContext logs;
    private final Thread owner = Thread.currentThread();

    TraceStep(Span span) {
        this.span = span;
        var c = span.getSpanContext();
        this.context = new TraceParent(c.getTraceId(), c.getSpanId(), c.isSampled());
        this.logs = LogContext.of(context);
    }

    /** This step's position, to pass on ({@code traceparent} of what it sends or stores). */
    public TraceParent context() {
        return context;
    }

    /** Records an attribute, e.g. {@code openvod.file_id}. Never a secret. */
    public TraceStep attribute(String key, String value) {
        if (value != null) {
            span.setAttribute(AttributeKey.stringKey(key), value);
        }
        return this;
    }

    /** Marks the step failed with a short description (an error code, never a secret). */
    public void failed(String description) {
        span.setStatus(StatusCode.ERROR, description);
    }

    /**
     * Ends the span. The log ids are given back on the thread that started the step; a step that
     * ends on another thread (an answer completed elsewhere) leaves that thread's log ids alone.
     */
    @Override
    public void close() {
        if (Thread.currentThread() == owner) {
            logs.close();
        }
        span.end();
    }
}
