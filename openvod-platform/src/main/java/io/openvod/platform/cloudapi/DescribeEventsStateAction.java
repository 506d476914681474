package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.EventQueue;

/**
 * {@code DescribeEventsState} (spec: event-protocol §10.3): {@code CountOfEventsToPull}, the
 * application's events waiting to be pulled now; events handed out and awaiting confirmation are
 * not counted until their visibility passes. Exact here, where Tencent's is approximate.
 */
public final class DescribeEventsStateAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventQueue queue;

    public DescribeEventsStateAction(EventQueue queue) {
        this.queue = queue;
    }

    @Override
    public String name() {
        return "DescribeEventsState";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        long subAppId = CloudParams.subAppId(call, request);
        ObjectNode response = JSON.createObjectNode();
        response.put("CountOfEventsToPull", queue.countToPull(subAppId));
        return response;
    }
}
