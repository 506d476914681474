package io.openvod.platform.events.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Names the application in a pushed event: the body as sent carries {@code "SubAppId": N} right
 * after {@code EventType}. The name is inside what the webhook signature covers, so a receiver
 * can refuse a validly signed event of another application (one tenant replaying its own
 * callbacks to another tenant's receiver).
 */
final class ApplicationBinding {
    /** The field that names the application. */
    static final String FIELD = "SubAppId";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ApplicationBinding() {
    }

    /** {@code body} with the application named; a body that is not a JSON object is returned as it is. */
    static String bind(String body, long subAppId) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return body;
        }
        if (!(parsed instanceof ObjectNode event)) {
            return body;
        }
        ObjectNode bound = JSON.createObjectNode();
        if (event.has("EventType")) {
            bound.set("EventType", event.get("EventType"));
        }
        bound.put(FIELD, subAppId);
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            if (!field.getKey().equals(FIELD)) {
                bound.set(field.getKey(), field.getValue());
            }
        }
        try {
            return JSON.writeValueAsString(bound);
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
