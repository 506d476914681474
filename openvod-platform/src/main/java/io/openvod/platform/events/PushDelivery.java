package io.openvod.platform.events;

import io.openvod.core.trace.TraceParent;
import java.util.Objects;
import java.util.Optional;

/**
 * A PUSH delivery due now, with its event.
 *
 * @param nextAttemptAt the due time read, which a claim must still find
 * @param startedAt when this delivery started: the event's commit, or its last redelivery
 * @param traceparent the position of the step that wrote the event, which the push continues;
 *     empty for an event written outside any trace
 */
public record PushDelivery(String eventId, long subAppId, String fileId, long seq, String eventType, String body,
                           String targetUrl, int attempts, long nextAttemptAt, long startedAt, Optional<TraceParent> traceparent) {
    public PushDelivery {
        Objects.requireNonNull(traceparent, "traceparent == null");
    }
}
