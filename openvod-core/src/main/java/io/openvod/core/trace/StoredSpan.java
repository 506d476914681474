package io.openvod.core.trace;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One ended step (span) as a service keeps it for {@code openvod trace}: a row of its
 * {@code trace_spans} table.
 *
 * @param spanId 16 lowercase hex digits
 * @param traceId 32 lowercase hex digits
 * @param parentSpanId the span this one is a child of; empty for the root of a trace
 * @param service the service that ran the step ({@code openvod-platform}, {@code openvod-app})
 * @param name the step's name, e.g. {@code ApplyUploadUGC}, {@code task Porn}, {@code signature}
 * @param fileId the FileId the step names ({@code openvod.file_id}), if any
 * @param startedAt when the step started, to the microsecond
 * @param endedAt when it ended, to the microsecond; not before {@code startedAt}
 * @param ok false when the step failed
 * @param detail the failure's description, or a short {@code k=v} list of the step's other
 *               attributes; at most {@value #MAX_DETAIL} characters (longer text is cut)
 */
public record StoredSpan(String spanId, String traceId, Optional<String> parentSpanId, String service, String name,
                         Optional<String> fileId, Instant startedAt, Instant endedAt, boolean ok, String detail) {
    /** The longest detail kept. */
    public static final int MAX_DETAIL = 500;
    private static final Pattern SPAN_ID = Pattern.compile("[0-9a-f]{16}");

    public StoredSpan {
        if (spanId == null || !SPAN_ID.matcher(spanId).matches()) {
            throw new IllegalArgumentException("spanId must be 16 lowercase hex digits");
        }
        if (!TraceParent.isTraceId(traceId)) {
            throw new IllegalArgumentException("traceId must be 32 lowercase hex digits, not all zero");
        }
        Objects.requireNonNull(parentSpanId, "parentSpanId == null");
        parentSpanId.ifPresent(p -> {
            if (!SPAN_ID.matcher(p).matches()) {
                throw new IllegalArgumentException("parentSpanId must be 16 lowercase hex digits");
            }
        });
        requireText("service", service);
        requireText("name", name);
        Objects.requireNonNull(fileId, "fileId == null");
        fileId = fileId.filter(f -> !f.isBlank());
        startedAt = Objects.requireNonNull(startedAt, "startedAt == null").truncatedTo(ChronoUnit.MICROS);
        endedAt = Objects.requireNonNull(endedAt, "endedAt == null").truncatedTo(ChronoUnit.MICROS);
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt must not be before startedAt");
        }
        detail = cut(detail == null ? "" : detail);
    }

    /** How long the step took. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
