package io.openvod.core.trace;

import org.slf4j.MDC;

/**
 * The ids every log line of a step carries (in the JSON log format, and available to any Logback
 * pattern as {@code %X{trace_id}}): {@code trace_id}, {@code span_id}, {@code request_id}. A scope
 * puts them on the current thread and gives back what was there when closed.
 */
public final class LogContext implements AutoCloseable {
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String REQUEST_ID = "request_id";

    private final String[] keys;
    private final String[] previous;

    private LogContext(String... keyValues) {
        int n = keyValues.length / 2;
        keys = new String[n];
        previous = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = keyValues[2 * i];
            previous[i] = MDC.get(keys[i]);
            put(keys[i], keyValues[2 * i + 1]);
        }
    }

    /** Logs of this thread carry the trace and span until closed. */
    public static LogContext of(TraceParent trace) {
        return new LogContext(TRACE_ID, trace.traceId(), SPAN_ID, trace.spanId());
    }

    /** Logs of this thread carry the request id until closed. */
    public static LogContext ofRequest(String requestId) {
        return new LogContext(REQUEST_ID, requestId);
    }

    /** Logs of this thread carry the request id and the trace until closed. */
    public static LogContext ofRequest(String requestId, TraceParent trace) {
        return new LogContext(REQUEST_ID, requestId, TRACE_ID, trace.traceId(), SPAN_ID, trace.spanId());
    }

    @Override
    public void close() {
        for (int i = 0; i < keys.length; i++) {
            put(keys[i], previous[i]);
        }
    }

    private static void put(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
