package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.events.EventQueue;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code PullEvents} (spec: event-protocol §10.3): a long poll for the application's PULL events.
 * Answers at once when events are due, else checks again every {@code pollEvery} until
 * {@code maxWait} (5 s) has passed, and answers {@code "EventSet": []} if none came. At most 16
 * events, each its stored v3 body with a fresh {@code EventHandle} first; they are hidden until
 * the visibility passes and then handed out again unless confirmed.
 */
public final class PullEventsAction implements CloudAction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final EventQueue queue;
    private final Duration maxWait;
    private final Duration pollEvery;

    public PullEventsAction(EventQueue queue) {
        this(queue, Duration.ofSeconds(5), Duration.ofMillis(150));
    }

    public PullEventsAction(EventQueue queue, Duration maxWait, Duration pollEvery) {
        this.queue = queue;
        this.maxWait = maxWait;
        this.pollEvery = pollEvery;
    }

    @Override
    public String name() {
        return "PullEvents";
    }

    @Override
    public ObjectNode handle(CloudCall call, ObjectNode request) {
        long subAppId = CloudParams.subAppId(call, request);
        CloudParams.optionalString(request, "ExtInfo");
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<EventQueue.Leased> leased = queue.lease(subAppId, EventQueue.MAX_PULL);
        while (leased.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.min(pollEvery.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            leased = queue.lease(subAppId, EventQueue.MAX_PULL);
        }
        ObjectNode response = JSON.createObjectNode();
        ArrayNode set = response.putArray("EventSet");
        for (EventQueue.Leased event : leased) {
            ObjectNode item = set.addObject();
            item.put("EventHandle", event.handle());
            for (Map.Entry<String, JsonNode> field : body(event).properties()) {
                item.set(field.getKey(), field.getValue());
            }
        }
        return response;
    }

    private static ObjectNode body(EventQueue.Leased event) {
        try {
            if (JSON.readTree(event.body()) instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalStateException("the stored body of event " + event.eventId() + " is not a JSON object");
    }
}
