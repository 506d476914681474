package io.openvod.platform.catalog;

import io.openvod.core.trace.TraceParent;
import java.util.Objects;
import java.util.Optional;

/**
 * An event written to the outbox in the transaction of the change it reports.
 *
 * @param eventId a stable, time-ordered id
 * @param eventType e.g. {@code NewFileUpload}
 * @param body the v3 event body ({@code {"EventType": …, "<Payload>": {…}}}) as JSON
 * @param traceparent the position of the step that wrote it, stored as its W3C {@code traceparent}
 *     (a push of the event continues that trace); empty when it was written outside any trace
 */
public record OutboxEvent(String eventId, long appId, long subAppId, String fileId, String eventType, String body,
                          Optional<TraceParent> traceparent) {
    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(eventType, "eventType == null");
        Objects.requireNonNull(body, "body == null");
        Objects.requireNonNull(traceparent, "traceparent == null");
    }

    /** An event outside any trace. */
    public OutboxEvent(String eventId, long appId, long subAppId, String fileId, String eventType, String body) {
        this(eventId, appId, subAppId, fileId, eventType, body, Optional.empty());
    }

    /** This event as written by the step at {@code writer}. */
    public OutboxEvent withTrace(TraceParent writer) {
        return new OutboxEvent(eventId, appId, subAppId, fileId, eventType, body, Optional.of(writer));
    }
}
