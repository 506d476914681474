package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Stored JSON of flows and templates (task inputs and outputs, template task sets) read back as objects. */
final class FlowJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FlowJson() {
    }

    /** {@code json}, which must be a JSON object. */
    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("stored JSON is not a JSON object", e);
        }
    }

    /** {@code json} as an object, empty for SQL {@code NULL}. */
    static Optional<ObjectNode> optionalObject(String json) {
        return json == null ? Optional.empty() : Optional.of(object(json));
    }
}
