package io.openvod.app.receipt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The example bodies of the event protocol specification (src/test/resources/events), and
 * variants of them: the shape with {@code null} siblings that real pushes have, and bodies
 * re-targeted at another FileId or user.
 */
public final class SpecEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The payload fields of the v3 envelope that a push may carry as null siblings. */
    private static final List<String> PAYLOADS = List.of("FileUploadEvent", "ProcedureStateChangeEvent", "FileDeleteEvent",
            "PullCompleteEvent", "EditMediaCompleteEvent", "WechatPublishCompleteEvent", "TranscodeCompleteEvent",
            "ConcatCompleteEvent", "ClipCompleteEvent", "CreateImageSpriteCompleteEvent", "SnapshotByTimeOffsetCompleteEvent",
            "WechatMiniProgramPublishEvent", "ReviewAudioVideoCompleteEvent");
    public static final String FILE_ID = "5285890813342811041";
    public static final String TASK_ID = "1500012345-procedurev2-4b5c1a0e2f6d7a8b9c0d1e2f3a4b5c6dt0";

    private SpecEvents() {
    }

    public static ObjectNode load(String name) {
        try (InputStream in = SpecEvents.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * §5.2 without its review task (a task flow without {@code ReviewAudioVideoTask}), with the
     * signature's sourceContext of {@code userId}, request {@code requestId}.
     */
    public static ObjectNode upload(String userId, String requestId) {
        ObjectNode body = reviewedUpload(userId, requestId);
        ((ObjectNode) body.get("FileUploadEvent")).put("ReviewAudioVideoTaskId", "");
        return body;
    }

    /** §5.2 as documented: the upload announces a {@code ReviewAudioVideo} task besides its task flow. */
    public static ObjectNode reviewedUpload(String userId, String requestId) {
        ObjectNode body = load("v3-new-file-upload-push.json");
        ((ObjectNode) body.get("FileUploadEvent").get("MediaBasicInfo").get("SourceInfo"))
                .put("SourceContext", "uid=" + userId + "&req=" + requestId);
        return body;
    }

    /** One of Tencent's documented bodies in {@code io/openvod/app/receipt/tencent} (see the README there). */
    public static ObjectNode tencent(String name) {
        try (InputStream in = SpecEvents.class.getResourceAsStream("tencent/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no documented body " + name);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** §7.2's {@code ReviewAudioVideoComplete} with the suggestion {@code suggestion}. */
    public static ObjectNode reviewTask(String suggestion) {
        ObjectNode body = tencent("v3-review-audio-video-complete.json");
        ((ObjectNode) body.get("ReviewAudioVideoCompleteEvent").get("Output")).put("Suggestion", suggestion);
        return body;
    }

    /**
     * A file that is not audio or video, as OpenVOD's platform reports its upload: §5.2 (with its
     * review task) whose {@code MetaData} has the size only — no container, no stream, no duration.
     */
    public static ObjectNode notMediaUpload(String userId, String requestId) {
        ObjectNode body = reviewedUpload(userId, requestId);
        ObjectNode meta = ((ObjectNode) body.get("FileUploadEvent")).putObject("MetaData");
        meta.put("Size", 4096).put("Container", "").put("Bitrate", 0).put("Height", 0).put("Width", 0).put("Duration", 0)
                .put("Rotate", 0);
        meta.putArray("VideoStreamSet");
        meta.putArray("AudioStreamSet");
        meta.put("VideoDuration", 0).put("AudioDuration", 0);
        return body;
    }

    /** §6's transcode-and-cover report of {@link #FILE_ID} with every task failed with {@code errCodeExt}. */
    public static ObjectNode failedFlow(String errCodeExt) {
        ObjectNode body = load("v3-procedure-finish-transcode-cover.json");
        ObjectNode event = (ObjectNode) body.get("ProcedureStateChangeEvent");
        event.put("FileId", FILE_ID).put("TaskId", TASK_ID);
        for (JsonNode result : event.get("MediaProcessResultSet")) {
            ObjectNode task = (ObjectNode) result.get(result.get("Type").asText() + "Task");
            task.put("Status", "FAIL").put("ErrCode", -1).put("ErrCodeExt", errCodeExt).put("Message", "cannot decode").put("Progress", 0);
            task.putNull("Output");
        }
        return body;
    }

    /** §7.2's {@code ReviewAudioVideoComplete} of a task that failed with {@code errCodeExt}. */
    public static ObjectNode failedReviewTask(String errCodeExt) {
        ObjectNode body = tencent("v3-review-audio-video-complete.json");
        ObjectNode event = (ObjectNode) body.get("ReviewAudioVideoCompleteEvent");
        event.put("Status", "FINISH").put("ErrCode", -1).put("ErrCodeExt", errCodeExt).put("Message", "cannot decode");
        event.putNull("Output");
        return body;
    }

    /** The body with every other payload field present as {@code null}, as real pushes have it. */
    public static ObjectNode withNullSiblings(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        for (String field : PAYLOADS) {
            if (!copy.has(field)) {
                copy.putNull(field);
            }
        }
        return copy;
    }

    /** §6.5's review result with the Porn task's suggestion replaced. */
    public static ObjectNode review(String suggestion, double confidence) {
        ObjectNode body = load("v3-procedure-review.json");
        ObjectNode event = (ObjectNode) body.get("ProcedureStateChangeEvent");
        event.put("FileId", FILE_ID);
        event.put("TaskId", TASK_ID);
        ObjectNode output = (ObjectNode) event.get("AiContentReviewResultSet").get(0).get("PornTask").get("Output");
        output.put("Suggestion", suggestion).put("Confidence", confidence).put("Label", suggestion.equals("pass") ? "" : "porn");
        return body;
    }
}
