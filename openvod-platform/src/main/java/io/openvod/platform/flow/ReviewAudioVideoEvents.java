package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Builds Tencent's {@code ReviewAudioVideoTask} from a stored ReviewAudioVideo flow (one task of
 * type {@value #TYPE}), and the v3 {@code ReviewAudioVideoComplete} body
 * ({@code {"EventType":"ReviewAudioVideoComplete","ReviewAudioVideoCompleteEvent":{…}}}, spec:
 * event-protocol §7) written when it finishes. {@code Input} is {@code {FileId, Definition,
 * ReviewContents}}; {@code Output} is the step's {@code ReviewAudioVideoTaskOutput} once it
 * succeeded, and left out otherwise. {@code ErrCodeExt} is empty on success; a failed review has
 * its {@code ErrCodeExt} (one of Tencent's video-processing error codes, {@link TaskErrors}) and
 * message. The model has no numeric {@code ErrCode}, so none is sent.
 */
public final class ReviewAudioVideoEvents {
    public static final String REVIEW_AUDIO_VIDEO_COMPLETE = "ReviewAudioVideoComplete";
    /** The task type of a ReviewAudioVideo flow's only task. */
    public static final String TYPE = "ReviewAudioVideo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewAudioVideoEvents() {
    }

    /** Whether {@code flow} is a ReviewAudioVideo task rather than a Procedure flow. */
    public static boolean isReview(TaskFlow flow) {
        return flow.tasks().size() == 1 && flow.tasks().getFirst().type().equals(TYPE);
    }

    public static ObjectNode reviewAudioVideoComplete(TaskFlow flow) {
        ObjectNode body = JSON.createObjectNode();
        body.put("EventType", REVIEW_AUDIO_VIDEO_COMPLETE);
        body.set("ReviewAudioVideoCompleteEvent", reviewAudioVideoTask(flow));
        return body;
    }

    /** Tencent's {@code ReviewAudioVideoTask} of a ReviewAudioVideo flow. */
    public static ObjectNode reviewAudioVideoTask(TaskFlow flow) {
        FlowTask t = flow.tasks().getFirst();
        boolean finished = flow.status().equals("FINISH");
        boolean failed = t.status().equals("FAIL");
        ObjectNode task = JSON.createObjectNode();
        task.put("TaskId", flow.taskId());
        boolean begun = t.attempts() > 0 || t.beginTime().isPresent();
        task.put("Status", finished ? "FINISH" : begun ? "PROCESSING" : "WAITING");
        task.put("ErrCodeExt", TaskErrors.errCodeExt(failed ? t.errCodeExt() : ""));
        task.put("Message", finished ? (failed ? t.message() : "SUCCESS") : "");
        JsonNode stored = parse(t.input());
        ObjectNode input = task.putObject("Input");
        input.put("FileId", flow.fileId());
        input.set("Definition", stored.path("Definition").isMissingNode() ? JSON.getNodeFactory().numberNode(10)
                : stored.get("Definition").deepCopy());
        if (stored.path("ReviewContents").isArray() && !stored.get("ReviewContents").isEmpty()) {
            input.set("ReviewContents", stored.get("ReviewContents").deepCopy());
        } else {
            input.putArray("ReviewContents").add("Media");
        }
        Optional<String> output = t.status().equals("SUCCESS") ? t.output() : Optional.empty();
        output.ifPresent(o -> task.set("Output", parse(o)));
        task.put("SessionId", flow.sessionId());
        task.put("SessionContext", flow.sessionContext());
        return task;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is not JSON", e);
        }
    }
}
