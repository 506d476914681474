package io.openvod.core.trace;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context position: the trace an upload belongs to and the span (step) that is
 * speaking. Written as a {@code traceparent} header, {@code 00-<trace id>-<span id>-<flags>}.
 *
 * <p>An upload's trace is named by the app's signature request: its request id, a UUID, read as
 * 32 hex digits, is the trace id, and its last 16 digits are the signature step's span id
 * ({@link #ofRequestId}). So every part of the system can name the trace from the request id alone.
 *
 * @param traceId 32 lowercase hex digits, not all zero
 * @param spanId 16 lowercase hex digits, not all zero
 * @param sampled the {@code sampled} flag
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
    private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern HEADER = Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    public TraceParent {
        if (!isTraceId(traceId)) {
            throw new IllegalArgumentException("trace id must be 32 lowercase hex digits, not all zero");
        }
        if (spanId == null || !SPAN_ID.matcher(spanId).matches() || spanId.equals(ZERO_SPAN)) {
            throw new IllegalArgumentException("span id must be 16 lowercase hex digits, not all zero");
        }
    }

    /** Whether this text is a valid trace id (32 lowercase hex digits, not all zero). */
    public static boolean isTraceId(String text) {
        return text != null && TRACE_ID.matcher(text).matches() && !text.equals(ZERO_TRACE);
    }

    /** Reads a {@code traceparent} header; empty when it is absent or malformed (W3C: then start a new trace). */
    public static Optional<TraceParent> parse(String header) {
        if (header == null || header.length() > 512) {
            return Optional.empty();
        }
        var m = HEADER.matcher(header.trim());
        if (!m.matches() || m.group(1).equals("ff") || (m.group(1).equals("00") && m.group(5) != null)
                || m.group(2).equals(ZERO_TRACE) || m.group(3).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        boolean sampled = (HexFormat.fromHexDigits(m.group(4)) & 1) == 1;
        return Optional.of(new TraceParent(m.group(2), m.group(3), sampled));
    }

    /**
     * The trace a signature request names: its request id (a UUID) as 32 hex digits, with the
     * last 16 as the span id of the signature step. Empty when the id is not a UUID.
     */
    public static Optional<TraceParent> ofRequestId(String requestId) {
        if (requestId == null || !UUID.matcher(requestId).matches()) {
            return Optional.empty();
        }
        String hex = requestId.replace("-", "").toLowerCase(Locale.ROOT);
        if (hex.equals(ZERO_TRACE) || hex.substring(16).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(hex, hex.substring(16), true));
    }

    /** A new trace with a random id. */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16, 32), randomHex(8, 16), true);
    }

    /** The trace of this id with a fresh random span id (a step whose own span is not recorded). */
    public static TraceParent inTrace(String traceId) {
        return new TraceParent(traceId, randomHex(8, 16), true);
    }

    /** The {@code traceparent} header value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String randomHex(int bytes, int digits) {
        byte[] b = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(b);
        } while (allZero(b));
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, digits);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return header();
    }
}
