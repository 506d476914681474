package io.openvod.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;

/**
 * The TaskId an event names, as Tencent's event bodies carry it in their event object: the
 * {@code TaskId} of a task's event (ProcedureStateChanged, ReviewAudioVideoComplete, …), else the
 * {@code ProcedureTaskId}, else the {@code ReviewAudioVideoTaskId} of a NewFileUpload.
 */
public final class EventTaskIds {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("TaskId", "ProcedureTaskId", "ReviewAudioVideoTaskId");

    private EventTaskIds() {
    }

    /** The TaskId in {@code body}; empty when it names none or is not a JSON object. */
    public static Optional<String> of(String body) {
        JsonNode event;
        try {
            event = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (event == null || !event.isObject()) {
            return Optional.empty();
        }
        for (String field : FIELDS) {
            for (JsonNode part : event) {
                JsonNode id = part.path(field);
                if (id.isTextual() && !id.asText().isEmpty()) {
                    return Optional.of(id.asText());
                }
            }
        }
        return Optional.empty();
    }
}
