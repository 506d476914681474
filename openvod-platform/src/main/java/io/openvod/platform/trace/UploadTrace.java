package io.openvod.platform.trace;

import io.openvod.core.trace.TraceParent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Which trace an upload, and everything that follows from it, belongs to.
 *
 * <p>At Apply ({@link #atApply}): a valid W3C {@code traceparent} request header; else the
 * signature request the signed {@code sourceContext} names ({@code uid=<user>&req=<requestId>},
 * as the OpenVOD app writes it, {@link TraceParent#ofRequestId}); else a new trace. The upload
 * session keeps the trace id; its parts, its Commit, its task flows and its events continue it.
 *
 * <p>The later steps of a stored trace hang from its root ({@link #rootOf}): the step whose span
 * id is the trace id's last 16 digits, that is the app's signature step for a trace named by a
 * request id, and the Apply step itself for a trace the platform began ({@link #newRoot}).
 */
public final class UploadTrace {
    private static final String ZERO_SPAN = "0".repeat(16);

    private UploadTrace() {
    }

    /**
     * The position Apply continues: the request's {@code traceparent} header, else the signature
     * request named in {@code sourceContext}; empty when neither names one (Apply begins a new trace).
     */
    public static Optional<TraceParent> atApply(Optional<TraceParent> header, String sourceContext) {
        return header.or(() -> ofSourceContext(sourceContext));
    }

    /**
     * The signature request a {@code sourceContext} names: read as a query string, its first
     * {@code req} field, when that is a UUID. Empty otherwise (any other text is the app's own).
     */
    public static Optional<TraceParent> ofSourceContext(String sourceContext) {
        if (sourceContext == null || sourceContext.isEmpty()) {
            return Optional.empty();
        }
        for (String field : sourceContext.split("&")) {
            int eq = field.indexOf('=');
            if (eq > 0 && decoded(field.substring(0, eq)).equals("req")) {
                return TraceParent.ofRequestId(decoded(field.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }

    private static String decoded(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** The root position of the stored trace {@code traceId}; empty when there is none or it is not a trace id. */
    public static Optional<TraceParent> rootOf(Optional<String> traceId) {
        return traceId.filter(TraceParent::isTraceId).map(UploadTrace::root);
    }

    private static TraceParent root(String traceId) {
        String span = traceId.substring(16);
        return span.equals(ZERO_SPAN) ? TraceParent.inTrace(traceId) : new TraceParent(traceId, span, true);
    }

    /** The ids of the root step of a new trace: a random trace id, and its last 16 digits as span id. */
    public static TraceParent newRoot() {
        TraceParent random = TraceParent.newTrace();
        return root(random.traceId());
    }

    /**
     * The trace of a flow an API 3.0 call starts on existing media: the call's {@code traceparent}
     * header; else the trace of the upload that made the media; else a new one.
     */
    public static String ofFlow(Optional<TraceParent> header, Optional<String> uploadTraceId) {
        return header.map(TraceParent::traceId)
                .or(() -> uploadTraceId.filter(TraceParent::isTraceId))
                .orElseGet(() -> TraceParent.newTrace().traceId());
    }
}
