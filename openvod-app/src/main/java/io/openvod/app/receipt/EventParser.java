package io.openvod.app.receipt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Review;
import io.openvod.app.videos.VodEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads VOD event bodies leniently, as real senders write them: the v3 shape
 * ({@code {"EventType":…, "<Payload>Event":{…}}}, with or without {@code null} siblings, with
 * {@code EventHandle} when pulled) and the legacy v2 shape ({@code {"version", "eventType",
 * "data":{…camelCase…}}}). A {@code null} field is treated as an absent one; unknown fields are
 * ignored; an unknown event type is read as {@link VodEvent.Other}. Ids are kept as strings.
 */
public final class EventParser {
    /** The top-level field that names the VOD application an OpenVOD push is for. */
    static final String APPLICATION_FIELD = "SubAppId";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** @throws MalformedEventException when the body is not an event of either shape */
    public ParsedEvent parse(byte[] body) throws MalformedEventException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedEventException("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("the body is not a JSON object");
        }
        String key = contentKey(root);
        OptionalLong subAppId = subAppId(root);
        if (root.path("EventType").isTextual()) {
            return new ParsedEvent("v3", v3(root), key, subAppId);
        }
        if (root.path("eventType").isTextual() && root.path("data").isObject()) {
            return new ParsedEvent("v2", v2(root.get("eventType").asText(), root.get("data")), key, subAppId);
        }
        throw new MalformedEventException("the body has neither EventType (v3) nor eventType and data (v2)");
    }

    /** The top-level {@code SubAppId}: absent (or null) names no application; anything but a positive integer is malformed. */
    private static OptionalLong subAppId(JsonNode root) throws MalformedEventException {
        JsonNode field = root.get(APPLICATION_FIELD);
        if (field == null || field.isNull()) {
            return OptionalLong.empty();
        }
        if (!field.isIntegralNumber() || !field.canConvertToLong() || field.asLong() <= 0) {
            throw new MalformedEventException(APPLICATION_FIELD + " is not a positive integer");
        }
        return OptionalLong.of(field.asLong());
    }

    private static VodEvent v3(JsonNode root) throws MalformedEventException {
        String type = root.get("EventType").asText();
        switch (type) {
            case "NewFileUpload" -> {
                JsonNode e = required(root, "FileUploadEvent");
                JsonNode info = e.path("MediaBasicInfo");
                return new VodEvent.FileUploaded(fileId(e, "FileId"), text(info, "Name"), text(info, "MediaUrl"),
                        text(info, "CoverUrl"), text(info.path("SourceInfo"), "SourceContext"), text(e, "ProcedureTaskId"),
                        text(e, "ReviewAudioVideoTaskId"), MediaReports.ofMetaData(e.get("MetaData")));
            }
            case "ReviewAudioVideoComplete" -> {
                return reviewTask(required(root, "ReviewAudioVideoCompleteEvent"));
            }
            case "ProcedureStateChanged" -> {
                JsonNode e = required(root, "ProcedureStateChangeEvent");
                return procedure(e);
            }
            case "FileDeleted" -> {
                JsonNode e = required(root, "FileDeleteEvent");
                List<String> ids = new ArrayList<>();
                for (JsonNode id : e.path("FileIdSet")) {
                    ids.add(id.asText());
                }
                if (ids.isEmpty()) {
                    throw new MalformedEventException("FileDeleteEvent.FileIdSet is empty");
                }
                return new VodEvent.FilesDeleted(ids, partialDeletions(e, ids));
            }
            default -> {
                return new VodEvent.Other(type, anyFileId(root));
            }
        }
    }

    private static VodEvent.ProcedureChanged procedure(JsonNode e) throws MalformedEventException {
        String taskId = text(e, "TaskId");
        if (taskId.isEmpty()) {
            throw new MalformedEventException("ProcedureStateChangeEvent.TaskId is missing");
        }
        Optional<String> cover = Optional.empty();
        List<Playback> playbacks = new ArrayList<>();
        int failed = 0;
        String mediaError = MediaReports.ofMetaData(e.get("MetaData"));
        for (JsonNode result : e.path("MediaProcessResultSet")) {
            String resultType = text(result, "Type");
            JsonNode task = result.path(resultType + "Task");
            if (text(task, "Status").equals("FAIL")) {
                failed++;
                mediaError = MediaReports.first(mediaError, MediaReports.ofTask(resultType, task));
                continue;
            }
            if (!text(task, "Status").equals("SUCCESS")) {
                continue;
            }
            JsonNode out = task.path("Output");
            switch (resultType) {
                case "Transcode" -> playbacks.add(new Playback("mp4", definition(task.path("Input"), out, "Definition"),
                        text(out, "Url"), out.path("Width").asInt(), out.path("Height").asInt()));
                case "AdaptiveDynamicStreaming" -> playbacks.add(new Playback("hls",
                        definition(task.path("Input"), out, "Definition"), text(out, "Url"), 0, 0));
                case "CoverBySnapshot" -> cover = Optional.of(text(out, "CoverUrl")).filter(u -> !u.isEmpty());
                default -> {
                    // snapshots, sprites…: nothing the video record keeps
                }
            }
        }
        Review review = Review.NONE;
        for (JsonNode result : e.path("AiContentReviewResultSet")) {
            String reviewType = text(result, "Type");
            JsonNode task = result.path(reviewType.replace(".", "") + "Task");
            review = review.worse(reviewOf(text(task, "Status"), task.path("Output")));
            if (text(task, "Status").equals("FAIL")) {
                mediaError = MediaReports.first(mediaError, MediaReports.ofTask(reviewType, task));
            }
        }
        return new VodEvent.ProcedureChanged(taskId, fileId(e, "FileId"), text(e, "Status").equals("FINISH"),
                e.path("ErrCode").asLong(0), text(e, "Message"), text(e, "SessionContext"), cover, playbacks, review, failed,
                mediaError);
    }

    /**
     * A transcode's or stream's template: the task input's {@code Definition} (Tencent's examples
     * often give the output's as 0 or leave it out), else the output's.
     */
    private static long definition(JsonNode input, JsonNode output, String field) {
        long fromInput = input.path(field).asLong(0);
        return fromInput != 0 ? fromInput : output.path(field).asLong(0);
    }

    /**
     * A {@code ReviewAudioVideoCompleteEvent}: the verdict is {@code Output.Suggestion}, with the highest
     * {@code Confidence} of its segments (or of the output) and {@code Output.Label}; a reviewed cover's
     * worse verdict counts too. A task that failed ({@code Status FAIL}, a non-zero {@code ErrCode} or a
     * non-empty {@code ErrCodeExt}) has the verdict {@link Review.Verdict#FAILED}.
     */
    private static VodEvent.ReviewCompleted reviewTask(JsonNode e) throws MalformedEventException {
        String taskId = text(e, "TaskId");
        if (taskId.isEmpty()) {
            throw new MalformedEventException("ReviewAudioVideoCompleteEvent.TaskId is missing");
        }
        JsonNode input = e.path("Input");
        String fileId = input.isObject() && input.hasNonNull("FileId") ? fileId(input, "FileId") : fileId(e, "FileId");
        String status = text(e, "Status");
        boolean failed = status.equals("FAIL") || e.path("ErrCode").asLong(0) != 0 || !text(e, "ErrCodeExt").isEmpty();
        Review review;
        if (failed) {
            review = new Review(Review.Verdict.FAILED, 0, "");
        } else if (status.equals("FINISH") || status.equals("SUCCESS")) {
            JsonNode out = e.path("Output");
            review = reviewOf("SUCCESS", withTopConfidence(out));
            JsonNode cover = out.path("CoverReviewResult");
            if (cover.isObject() && !text(cover, "Suggestion").isEmpty()) {
                review = review.worse(reviewOf("SUCCESS", withTopConfidence(cover)));
            }
        } else {
            review = Review.NONE;
        }
        return new VodEvent.ReviewCompleted(taskId, fileId, review, text(e, "SessionContext"),
                failed ? MediaReports.ofTask("ReviewAudioVideo", e) : "");
    }

    /** A review output whose {@code Confidence} is the highest of its own and its segments'. */
    private static JsonNode withTopConfidence(JsonNode output) {
        double top = output.path("Confidence").asDouble(0);
        for (JsonNode segment : output.path("SegmentSet")) {
            top = Math.max(top, segment.path("Confidence").asDouble(0));
        }
        var node = JSON.createObjectNode();
        node.put("Suggestion", text(output, "Suggestion"));
        node.put("Confidence", top);
        node.put("Label", text(output, "Label"));
        return node;
    }

    private static Review reviewOf(String status, JsonNode output) {
        if (status.equals("FAIL")) {
            return new Review(Review.Verdict.FAILED, 0, "");
        }
        if (!status.equals("SUCCESS")) {
            return Review.NONE;
        }
        Review.Verdict verdict = switch (text(output, "Suggestion").toLowerCase(java.util.Locale.ROOT)) {
            case "block" -> Review.Verdict.BLOCK;
            case "review" -> Review.Verdict.REVIEW;
            case "pass" -> Review.Verdict.PASS;
            default -> Review.Verdict.REVIEW; // an unknown suggestion: let a human look
        };
        return new Review(verdict, output.path("Confidence").asDouble(0), text(output, "Label"));
    }

    private static VodEvent v2(String type, JsonNode data) throws MalformedEventException {
        switch (type) {
            case "NewFileUpload" -> {
                return new VodEvent.FileUploaded(fileId(data, "fileId"), text(data, "fileName"), text(data, "fileUrl"),
                        text(data, "coverUrl"), text(data, "sourceContext"), text(data, "procedureTaskId"),
                        text(data, "reviewAudioVideoTaskId"));
            }
            case "ProcedureStateChanged" -> {
                String taskId = text(data, "vodTaskId");
                if (taskId.isEmpty()) {
                    throw new MalformedEventException("data.vodTaskId is missing");
                }
                Optional<String> cover = Optional.empty();
                List<Playback> playbacks = new ArrayList<>();
                int failed = 0;
                for (JsonNode task : data.path("processTaskList")) {
                    if (task.path("status").asText().equals("FAIL") || task.path("errCode").asLong(0) != 0) {
                        failed++;
                        continue;
                    }
                    JsonNode out = task.path("output");
                    switch (text(task, "taskType")) {
                        case "Transcode" -> playbacks.add(new Playback("mp4", definition(task.path("input"), out, "definition"),
                                text(out, "url"), out.path("width").asInt(), out.path("height").asInt()));
                        case "CoverBySnapshot" -> cover = Optional.of(text(out, "coverUrl")).filter(u -> !u.isEmpty())
                                .or(() -> Optional.of(text(out, "imageUrl")).filter(u -> !u.isEmpty()));
                        default -> {
                            // nothing the video record keeps
                        }
                    }
                }
                Review review = Review.NONE;
                for (JsonNode task : data.path("contentReviewList")) {
                    boolean ok = task.path("errCode").asLong(0) == 0 && !text(task, "status").equals("FAIL");
                    review = review.worse(reviewOf(ok ? "SUCCESS" : "FAIL", v2Output(task.path("output"))));
                }
                return new VodEvent.ProcedureChanged(taskId, fileId(data, "fileId"), text(data, "status").equals("FINISH"),
                        data.path("errCode").asLong(0), text(data, "message"), "", cover, playbacks, review, failed);
            }
            case "FileDeleted" -> {
                return new VodEvent.FilesDeleted(v2DeletedIds(data));
            }
            default -> {
                String id = text(data, "fileId");
                return new VodEvent.Other(type, id.isEmpty() ? List.of() : List.of(id));
            }
        }
    }

    /**
     * The files of a v3 {@code FileDeleted} of which only parts were deleted: those whose
     * {@code FileDeleteResultInfo} lists {@code DeleteParts} without {@code OriginalFiles}.
     */
    private static Map<String, List<VodEvent.DeletedPart>> partialDeletions(JsonNode e, List<String> ids) {
        Map<String, List<VodEvent.DeletedPart>> partial = new TreeMap<>();
        for (JsonNode info : e.path("FileDeleteResultInfo")) {
            String fileId = text(info, "FileId");
            List<VodEvent.DeletedPart> parts = new ArrayList<>();
            boolean original = false;
            for (JsonNode part : info.path("DeleteParts")) {
                original |= text(part, "Type").equals("OriginalFiles");
                parts.add(new VodEvent.DeletedPart(text(part, "Type"), part.path("Definition").asLong(0)));
            }
            if (ids.contains(fileId) && !parts.isEmpty() && !original) {
                partial.put(fileId, parts);
            }
        }
        return partial;
    }

    /**
     * The FileIds of a v2 {@code FileDeleted}: {@code data.fileId} (one id or a list), and the
     * {@code fileId} of each {@code data.fileInfo} item; each named once.
     */
    private static List<String> v2DeletedIds(JsonNode data) throws MalformedEventException {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        JsonNode fileIds = data.path("fileId");
        if (fileIds.isArray()) {
            fileIds.forEach(id -> ids.add(id.asText()));
        } else if (fileIds.isValueNode() && !fileIds.isNull()) {
            ids.add(fileIds.asText());
        }
        for (JsonNode info : data.path("fileInfo")) {
            JsonNode id = info.path("fileId");
            if (id.isValueNode() && !id.isNull()) {
                ids.add(id.asText());
            }
        }
        if (ids.isEmpty()) {
            throw new MalformedEventException("data.fileId and data.fileInfo name no file");
        }
        for (String id : ids) {
            if (!id.matches("[0-9]{1,30}")) {
                throw new MalformedEventException("data.fileId is not a FileId");
            }
        }
        return List.copyOf(ids);
    }

    /** A v2 review output in the v3 field names. */
    private static JsonNode v2Output(JsonNode output) {
        var node = JSON.createObjectNode();
        node.put("Suggestion", text(output, "suggestion"));
        node.put("Confidence", output.path("confidence").asDouble(0));
        node.put("Label", text(output, "label"));
        return node;
    }

    private static JsonNode required(JsonNode root, String field) throws MalformedEventException {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new MalformedEventException(field + " is missing for EventType " + root.get("EventType").asText());
        }
        return node;
    }

    private static String fileId(JsonNode node, String field) throws MalformedEventException {
        JsonNode id = node.get(field);
        String text = id == null || id.isNull() ? "" : id.asText();
        if (!text.matches("[0-9]{1,30}")) {
            throw new MalformedEventException(field + " is missing or not a FileId");
        }
        return text;
    }

    /** The FileId of an unknown event's payload, when one is recognisable; never from {@code EventHandle}, which a pull adds. */
    private static List<String> anyFileId(JsonNode root) {
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (field.getKey().equals("EventHandle")) {
                continue;
            }
            JsonNode id = field.getValue().path("FileId");
            if (id.isTextual() && id.asText().matches("[0-9]{1,30}")) {
                return List.of(id.asText());
            }
        }
        return List.of();
    }

    /** A string field; {@code ""} when absent or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? "" : value.asText();
    }

    private static String contentKey(JsonNode root) {
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(canonical(root, true));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash an event body", e);
        }
    }

    private static Object canonical(JsonNode node, boolean top) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getValue().isNull() && !(top && (field.getKey().equals("EventHandle")
                        || field.getKey().equals(APPLICATION_FIELD)))) {
                    map.put(field.getKey(), canonical(field.getValue(), false));
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(canonical(item, false)));
            return list;
        }
        return node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText();
    }

    /** The body without {@code EventHandle}, as stored for a pulled event. */
    public static byte[] withoutHandle(JsonNode event) {
        var copy = event.deepCopy();
        if (copy.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("EventHandle");
        }
        return copy.toString().getBytes(StandardCharsets.UTF_8);
    }
}
