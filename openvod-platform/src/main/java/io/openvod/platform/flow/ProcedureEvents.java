package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.events.EventTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the v3 {@code ProcedureStateChanged} body ({@code {"EventType":"ProcedureStateChanged",
 * "ProcedureStateChangeEvent":{…}}}) and the {@code ProcedureTask} of DescribeTaskDetail from a
 * stored flow (spec: event-protocol §6). Content-review types go to
 * {@code AiContentReviewResultSet}, all others to {@code MediaProcessResultSet}; each result holds
 * its type's {@code <Type>Task} with the sub-task header. A task not yet done is shown as
 * {@code PROCESSING} with no Output. ErrCode is 0 for success and -1 for any failure (ErrCodeExt
 * tells which).
 */
public final class ProcedureEvents {
    public static final String PROCEDURE_STATE_CHANGED = "ProcedureStateChanged";
    /** The time of a sub-task that has not begun or finished. */
    public static final String NO_TIME = "0000-00-00T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REVIEW_TYPES = Set.of("Porn", "Terrorism", "Political", "Porn.Asr", "Porn.Ocr", "Political.Asr",
            "Political.Ocr", "Terrorism.Ocr", "Prohibited.Asr", "Prohibited.Ocr");

    private ProcedureEvents() {
    }

    /** The media fields of the event, from the catalog (empty strings and no MetaData once the media is gone). */
    public record MediaFields(String fileName, String fileUrl, Optional<String> metadataJson) {
        /** The fields of media that is gone. */
        public static final MediaFields NONE = new MediaFields("", "", Optional.empty());

        /** The fields of {@code media}, {@link #NONE} when it is gone. */
        public static MediaFields of(Optional<Media> media) {
            return media.map(m -> new MediaFields(m.name(), m.mediaUrl(), m.metadataJson())).orElse(NONE);
        }
    }

    public static ObjectNode procedureStateChanged(TaskFlow flow, MediaFields media) {
        ObjectNode body = JSON.createObjectNode();
        body.put("EventType", PROCEDURE_STATE_CHANGED);
        body.set("ProcedureStateChangeEvent", procedureTask(flow, media));
        return body;
    }

    /** Tencent's {@code ProcedureTask}. */
    public static ObjectNode procedureTask(TaskFlow flow, MediaFields media) {
        boolean finished = flow.status().equals("FINISH");
        ObjectNode task = JSON.createObjectNode();
        task.put("TaskId", flow.taskId());
        task.put("Status", flow.status());
        task.put("ErrCode", 0);
        task.put("Message", finished ? "SUCCESS" : "");
        task.put("FileId", flow.fileId());
        task.put("FileName", media.fileName());
        task.put("FileUrl", media.fileUrl());
        if (media.metadataJson().isPresent()) {
            task.set("MetaData", parse(media.metadataJson().get()));
        } else {
            task.putNull("MetaData");
        }
        ArrayNode process = task.putArray("MediaProcessResultSet");
        ArrayNode review = task.putArray("AiContentReviewResultSet");
        task.putArray("AiAnalysisResultSet");
        task.putArray("AiRecognitionResultSet");
        for (FlowTask t : flow.tasks()) {
            ObjectNode result = JSON.createObjectNode();
            result.put("Type", t.type());
            result.set(resultField(t.type()), subTask(t));
            (REVIEW_TYPES.contains(t.type()) ? review : process).add(result);
        }
        task.put("TasksPriority", flow.priority());
        task.put("TasksNotifyMode", flow.notifyMode());
        task.put("SessionContext", flow.sessionContext());
        task.put("SessionId", flow.sessionId());
        return task;
    }

    /** The {@code <Type>Task} field of a result: {@code TranscodeTask}, {@code PornAsrTask}, {@code ImageSpriteTask}, … */
    public static String resultField(String type) {
        return switch (type) {
            case "AnimatedGraphics" -> "AnimatedGraphicTask";
            case "ImageSprites" -> "ImageSpriteTask";
            default -> type.replace(".", "") + "Task";
        };
    }

    private static ObjectNode subTask(FlowTask t) {
        ObjectNode sub = JSON.createObjectNode();
        boolean failed = t.status().equals("FAIL");
        sub.put("Status", t.done() ? t.status() : "PROCESSING");
        sub.put("ErrCode", failed ? -1 : 0);
        sub.put("ErrCodeExt", failed ? t.errCodeExt() : "");
        sub.put("Message", t.status().equals("SUCCESS") ? "SUCCESS" : failed ? t.message() : "");
        sub.put("Progress", t.status().equals("SUCCESS") ? 100 : t.progress());
        sub.put("BeginProcessTime", t.beginTime().map(ProcedureEvents::time).orElse(NO_TIME));
        sub.put("FinishTime", t.done() ? t.finishTime().map(ProcedureEvents::time).orElse(NO_TIME) : NO_TIME);
        sub.set("Input", parse(t.input()));
        if (t.status().equals("SUCCESS") && t.output().isPresent()) {
            sub.set("Output", parse(t.output().get()));
        } else {
            sub.putNull("Output");
        }
        return sub;
    }

    private static String time(Instant instant) {
        return EventTimes.format(instant);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is not JSON", e);
        }
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
