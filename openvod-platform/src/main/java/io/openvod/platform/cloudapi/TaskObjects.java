package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.ProcedureTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The task objects of a request ({@code MediaProcessTask}, {@code AiContentReviewTask}), checked. */
final class TaskObjects {
    /** The review template of ReviewAudioVideo tasks: the platform's Porn review. */
    static final long REVIEW_DEFINITION = 10;

    private TaskObjects() {
    }

    /** {@code MediaProcessTask}: an object whose fields are known task sets, each an array of objects. */
    static Optional<ObjectNode> mediaProcessTask(ObjectNode request) {
        Optional<ObjectNode> media = object(request, "MediaProcessTask");
        media.ifPresent(TaskObjects::checkSets);
        return media;
    }

    /**
     * A checked {@code ProcedureReviewAudioVideoTaskInput} {@code {Definition, ReviewContents}} made
     * of the fields of {@code holder} (the request itself for {@code ReviewAudioVideo}, the
     * {@code ReviewAudioVideoTask} object of a template): {@code Definition} defaults to 10 and must
     * be 10 ({@code InvalidParameterValue.Definition}); {@code ReviewContents} defaults to
     * {@code ["Media"]} and may only hold {@code Media}: the platform does not review covers
     * ({@code InvalidParameterValue.ReviewContents}).
     */
    static ObjectNode reviewAudioVideoTask(ObjectNode holder, String prefix) {
        RequestFields fields = new RequestFields(holder);
        long definition = fields.integer("Definition").orElse(REVIEW_DEFINITION);
        if (definition != REVIEW_DEFINITION) {
            throw new CloudApiException("InvalidParameterValue.Definition", prefix + "Definition " + definition
                    + " is not a review template of this platform; it has " + REVIEW_DEFINITION + " (Porn).");
        }
        List<String> contents = fields.texts("ReviewContents").filter(c -> !c.isEmpty()).orElse(List.of("Media"));
        for (String content : contents) {
            if (!content.equals("Media")) {
                throw new CloudApiException("InvalidParameterValue.ReviewContents", prefix + "ReviewContents may only hold Media"
                        + (content.equals("Cover") ? ": this platform does not review covers." : "."));
            }
        }
        ObjectNode task = holder.objectNode();
        task.put("Definition", definition);
        task.putArray("ReviewContents").add("Media");
        return task;
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
