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
 * its type's {@code <Type>Task} with the sub-task header: {@code Status, ErrCode, ErrCodeExt,
 * Message, Progress}, and for the media-processing tasks (§6.2, not the reviews of §6.3)
 * {@code BeginProcessTime} and {@code FinishTime}. A task not yet done is shown as
 * {@code PROCESSING} without Output. A failed task's {@code ErrCodeExt} is one of Tencent's
 * video-processing error codes and its {@code ErrCode} that code's number ({@link TaskErrors}).
 * Nulls are left out, as in {@code NewFileUpload}: no {@code MetaData} when the media's is unknown
 * (unreadable or deleted media), no {@code Output} until a task succeeded. {@code TasksNotifyMode}
 * is {@code ""} when the upload or the request named no mode (reported as {@code Finish}), as
 * Tencent sends it.
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
        media.metadataJson().ifPresent(meta -> task.set("MetaData", parse(meta)));
        ArrayNode process = task.putArray("MediaProcessResultSet");
        ArrayNode review = task.putArray("AiContentReviewResultSet");
        task.putArray("AiAnalysisResultSet");
        task.putArray("AiRecognitionResultSet");
        for (FlowTask t : flow.tasks()) {
            ObjectNode result = JSON.createObjectNode();
            result.put("Type", t.type());
            boolean reviewType = REVIEW_TYPES.contains(t.type());
            result.set(resultField(t.type()), subTask(t, !reviewType));
            (reviewType ? review : process).add(result);
        }
        task.put("TasksPriority", flow.priority());
        task.put("TasksNotifyMode", flow.namedNotifyMode());
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

    /** @param timed whether the task's model has {@code BeginProcessTime} and {@code FinishTime} */
    private static ObjectNode subTask(FlowTask t, boolean timed) {
        ObjectNode sub = JSON.createObjectNode();
        boolean failed = t.status().equals("FAIL");
        String code = failed ? t.errCodeExt() : "";
        sub.put("Status", t.done() ? t.status() : "PROCESSING");
        sub.put("ErrCode", TaskErrors.errCode(code));
        sub.put("ErrCodeExt", TaskErrors.errCodeExt(code));
        sub.put("Message", t.status().equals("SUCCESS") ? "SUCCESS" : failed ? t.message() : "");
        sub.put("Progress", t.status().equals("SUCCESS") ? 100 : t.progress());
        if (timed) {
            sub.put("BeginProcessTime", t.beginTime().map(ProcedureEvents::time).orElse(NO_TIME));
            sub.put("FinishTime", t.done() ? t.finishTime().map(ProcedureEvents::time).orElse(NO_TIME) : NO_TIME);
        }
        sub.set("Input", parse(t.input()));
        if (t.status().equals("SUCCESS")) {
            t.output().ifPresent(output -> sub.set("Output", parse(output)));
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
