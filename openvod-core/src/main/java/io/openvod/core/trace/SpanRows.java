package io.openvod.core.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Instant;
import java.util.Optional;

/** How an ended OpenTelemetry span becomes a {@link StoredSpan}: its FileId, status and detail. */
final class SpanRows {
    /** The attribute that names the step's FileId. */
    static final AttributeKey<String> FILE_ID = AttributeKey.stringKey("openvod.file_id");
    private static final String OWN_PREFIX = "openvod.";

    private SpanRows() {
    }

    static StoredSpan of(SpanData span, String service) {
        Optional<String> parent = span.getParentSpanContext().isValid() ? Optional.of(span.getParentSpanId()) : Optional.empty();
        boolean failed = span.getStatus().getStatusCode() == StatusCode.ERROR;
        return new StoredSpan(span.getSpanId(), span.getTraceId(), parent, service, span.getName(),
                Optional.ofNullable(span.getAttributes().get(FILE_ID)), Instant.EPOCH.plusNanos(span.getStartEpochNanos()),
                Instant.EPOCH.plusNanos(span.getEndEpochNanos()), !failed, failed ? failure(span) : attributes(span));
    }

    /** The failure's description, as the step gave it ({@link TraceStep#failed}). */
    private static String failure(SpanData span) {
        String description = span.getStatus().getDescription();
        return description == null || description.isBlank() ? "failed" : description;
    }

    /** The attributes but the FileId, in the order set, as {@code k=v} separated by spaces; OpenVOD's own keys without {@code openvod.}. */
    private static String attributes(SpanData span) {
        StringBuilder text = new StringBuilder();
        span.getAttributes().forEach((key, value) -> {
            if (key.equals(FILE_ID) || text.length() > StoredSpan.MAX_DETAIL) {
                return;
            }
            String name = key.getKey().startsWith(OWN_PREFIX) ? key.getKey().substring(OWN_PREFIX.length()) : key.getKey();
            text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(value);
        });
        return text.toString(); // StoredSpan cuts it to MAX_DETAIL
    }
}
