package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.EventQueue;
import java.util.List;

/**
 * {@code ConfirmEvents} (spec: event-protocol §10.3): the events of 1..16 handles are taken off
 * the application's queue for good.
 *
 * <p>A handle that is unknown, of another application, or whose visibility has passed (its event
 * will be, or was, handed out again with a new handle) is refused with {@code InvalidParameter},
 * naming the refused handles. The valid handles of the same call are confirmed all the same, and
 * confirming a handle again is harmless, so a client may simply retry a whole batch.
 */
public final class ConfirmEventsAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventQueue queue;

    public ConfirmEventsAction(EventQueue queue) {
        this.queue = queue;
    }

    @Override
    public String name() {
        return "ConfirmEvents";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        List<String> handles = CloudParams.requiredStrings(request, "EventHandles");
        if (handles.isEmpty() || handles.size() > EventQueue.MAX_PULL) {
            throw new CloudApiException("InvalidParameterValue.EventHandles",
                    "EventHandles must hold 1 to " + EventQueue.MAX_PULL + " handles.");
        }
        CloudParams.optionalString(request, "ExtInfo");
        long subAppId = CloudParams.subAppId(call, request);
        List<String> refused = queue.confirm(subAppId, handles.stream().distinct().toList());
        if (!refused.isEmpty()) {
            throw new CloudApiException("InvalidParameter", "EventHandles " + refused + " are unknown or expired "
                    + "(not confirmed within the visibility); their events are handed out again. The other handles were confirmed.");
        }
        return JSON.createObjectNode();
    }
}
