package io.openvod.platform.events;

/**
 * A PUSH delivery due now, with its event.
 *
 * @param nextAttemptAt the due time read, which a claim must still find
 * @param startedAt when this delivery started: the event's commit, or its last redelivery
 */
public record PushDelivery(String eventId, long subAppId, String fileId, long seq, String eventType, String body,
                           String targetUrl, int attempts, long nextAttemptAt, long startedAt) {
}
