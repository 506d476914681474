package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.ProcedureTemplate;
import java.util.Map;
import java.util.Optional;

/** The task objects of a request ({@code MediaProcessTask}, {@code AiContentReviewTask}), checked. */
final class TaskObjects {
    private TaskObjects() {
    }

    /** {@code MediaProcessTask}: an object whose fields are known task sets, each an array of objects. */
    static Optional<ObjectNode> mediaProcessTask(ObjectNode request) {
        Optional<ObjectNode> media = object(request, "MediaProcessTask");
        media.ifPresent(TaskObjects::checkSets);
        return media;
    }

    /** An optional object field; {@code InvalidParameter} when it is something else. */
    static Optional<ObjectNode> object(ObjectNode request, String field) {
        JsonNode node = request.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new CloudApiException("InvalidParameter", field + " must be an object.");
        }
        return Optional.of((ObjectNode) node);
    }

    private static void checkSets(ObjectNode media) {
        for (Map.Entry<String, JsonNode> set : media.properties()) {
            if (!ProcedureTemplate.TASK_SETS.containsKey(set.getKey())) {
                throw new CloudApiException("InvalidParameter", "MediaProcessTask has no field " + set.getKey() + ".");
            }
            if (!set.getValue().isNull() && !set.getValue().isArray()) {
                throw new CloudApiException("InvalidParameter", "MediaProcessTask." + set.getKey() + " must be an array of objects.");
            }
            for (JsonNode item : set.getValue()) {
                if (!item.isObject()) {
                    throw new CloudApiException("InvalidParameter", "MediaProcessTask." + set.getKey() + " must be an array of objects.");
                }
            }
        }
    }
}
