package io.openvod.platform.catalog;

import java.time.Instant;

/** An outbox row as stored: the event with its per-FileId sequence number and time. */
public record StoredEvent(OutboxEvent event, long seq, Instant createdAt) {
}
