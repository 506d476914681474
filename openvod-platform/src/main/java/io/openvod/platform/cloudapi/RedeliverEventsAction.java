package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.DeliveryLog;
import java.util.Optional;

/**
 * {@code RedeliverEvents} — an OpenVOD action, not Tencent's: sends PUSH events of the caller's
 * application again, by event id ({@code EventIds}, 1..100, dead or already delivered) or all
 * dead-lettered ones ({@code AllDead: true}). Answers {@code RedeliveredCount} and
 * {@code NotRedeliveredEventIds} (unknown, of another application, pulled, or still pending).
 */
public final class RedeliverEventsAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_IDS = 100;
    private final DeliveryLog deliveries;
    private final Runnable wake;

    /** @param wake called after events were put back, so the dispatcher sends them at once */
    public RedeliverEventsAction(DeliveryLog deliveries, Runnable wake) {
        this.deliveries = deliveries;
        this.wake = wake;
    }

    @Override
    public String name() {
        return "RedeliverEvents";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        long subAppId = CloudParams.subAppId(call, request);
        JsonNode allDead = request.get("AllDead");
        if (allDead != null && !allDead.isNull() && !allDead.isBoolean()) {
            throw new CloudApiException("InvalidParameter", "AllDead must be a boolean.");
        }
        boolean all = allDead != null && allDead.asBoolean(false);
        ObjectNode response = JSON.createObjectNode();
        ArrayNode refused = response.putArray("NotRedeliveredEventIds");
        int count;
        if (all) {
            if (request.hasNonNull("EventIds")) {
                throw new CloudApiException("InvalidParameter", "Give EventIds or AllDead, not both.");
            }
            count = deliveries.redeliverDead(Optional.of(subAppId));
        } else {
            var ids = CloudParams.requiredStrings(request, "EventIds");
            if (ids.isEmpty() || ids.size() > MAX_IDS) {
                throw new CloudApiException("InvalidParameterValue.EventIds", "EventIds holds 1 to " + MAX_IDS + " ids.");
            }
            count = 0;
            for (String id : ids) {
                if (deliveries.redeliver(subAppId, id)) {
                    count++;
                } else {
                    refused.add(id);
                }
            }
        }
        if (count > 0) {
            wake.run();
        }
        response.put("RedeliveredCount", count);
        return response;
    }
}
