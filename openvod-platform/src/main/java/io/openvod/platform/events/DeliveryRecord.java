package io.openvod.platform.events;

import java.time.Instant;
import java.util.Optional;

/**
 * One event and its delivery, as operators list them.
 *
 * @param channel {@code PUSH}, {@code PULL} or {@code NONE}
 * @param state {@code PENDING}, {@code DELIVERED}, {@code DEAD} or {@code CONFIRMED}
 * @param lastError why the last POST failed, if it did
 * @param createdAt when the event was committed
 * @param taskId the task flow the event is about ({@link EventTaskIds}), if it names one
 */
public record DeliveryRecord(String eventId, String eventType, String fileId, long seq, long subAppId, String channel,
                             String state, int attempts, Optional<String> lastError, Instant createdAt,
                             Optional<Instant> deliveredAt, Optional<String> taskId) {
}
