package io.openvod.platform.catalog;

import java.util.Objects;

/**
 * An event written to the outbox in the transaction of the change it reports.
 *
 * @param eventId a stable, time-ordered id
 * @param eventType e.g. {@code NewFileUpload}
 * @param body the v3 event body ({@code {"EventType": …, "<Payload>": {…}}}) as JSON
 */
public record OutboxEvent(String eventId, long appId, long subAppId, String fileId, String eventType, String body) {
    public OutboxEvent {
        Objects.requireNonNull(eventId, "eventId == null");
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(eventType, "eventType == null");
        Objects.requireNonNull(body, "body == null");
    }
}
