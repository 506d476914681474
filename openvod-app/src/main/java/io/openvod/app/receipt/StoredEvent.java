package io.openvod.app.receipt;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A received event as stored.
 *
 * @param id the time-ordered id given on receipt
 * @param source {@code push} or {@code pull}
 * @param eventId OpenVOD's event id, when the sender gave one
 * @param sequence OpenVOD's per-FileId sequence, 0 when none
 * @param state {@code RECEIVED} (not processed yet), {@code PROCESSED}, {@code IGNORED} (an event
 *     type the app does not act on) or {@code FAILED} (processing kept failing; see {@code note})
 * @param traceId the trace the event belongs to ({@link EventTrace}); empty when it names none
 */
public record StoredEvent(String id, String source, String format, String eventType, List<String> fileIds, String body,
                          Optional<String> eventId, long sequence, String state, int attempts, String note, Instant receivedAt,
                          Optional<String> traceId) {
}
