package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The structures of the task-flow events as the shared event spec documents them
 * ({@code spec/event-protocol.md}: §4.3 {@code MediaMetaData}, §6.1 {@code ProcedureTask}, §6.2
 * {@code MediaProcessTaskResult} and its sub-task header, §6.3 the legacy content review, §7.1
 * {@code ReviewAudioVideoTask}), written down field by field with their JSON types, and a check of
 * a generated event against them: every field it sends is documented (or one of the platform's
 * listed extensions), has the documented type, is not {@code null} (nulls are left out), and every
 * field the platform always sends is there.
 *
 * <p>Where the spec describes a structure only by example or as "…" (the inputs of the snapshot
 * and streaming tasks, the items of {@code SubStreamSet}), the fields are the SDK model's that the
 * spec cites (tencentcloud-sdk-java, {@code …TaskInput}, {@code MediaSubStreamInfoItem}), marked here.
 */
final class EventSpecModel {
    /** JSON types: Java {@code String} → string, {@code Long} → integer, {@code Float} → number (§0). */
    enum Kind { STRING, INTEGER, NUMBER, ARRAY, OBJECT, TIME }

    /** An ISO 8601 UTC time as §9.9 describes it; {@code 0000-00-00T00:00:00Z} is the observed "unset" (§6.2). */
    static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z)");

    /** ErrCodeExt values of Tencent's "video processing error codes" list (doc 266/50368) that §6.2 cites. */
    static final Set<String> VIDEO_PROCESSING_ERROR_CODES = Set.of("InvalidInput", "InvalidInput.InvalidTimeOffset",
            "InvalidInput.DefinitionNotExist", "InvalidInput.ConfigurationUnsupported", "InvalidInput.TaskDuplicated",
            "InvalidInput.PermissionDenied", "InvalidInput.ResultFileSizeTooLarge", "SourceFileError", "SourceFileError.NoVideoMedia",
            "SourceFileError.NoVideoResolution", "SourceFileError.ContentMalformed", "SourceFileError.ContentUnsupported",
            "SourceFileError.DownloadNotAccessible", "InternalError");
    /** {@code ErrCodeExt}: {@code ""} for success, else one of the list. */
    static final Set<String> ERR_CODE_EXT = union(VIDEO_PROCESSING_ERROR_CODES, Set.of(""));
    /**
     * The deprecated numeric {@code ErrCode} of a sub-task: 0, or the SDK's documented values, 40000
     * (input invalid), 60000 (source file error) and 70000 (internal error).
     */
    static final Set<String> ERR_CODE = Set.of("0", "40000", "60000", "70000");

    record Field(String name, Kind kind, boolean always, Model nested, Kind items, Set<String> values) {
    }

    /** A documented structure: its fields in the spec's order. */
    static final class Model {
        final String name;
        final Map<String, Field> fields = new LinkedHashMap<>();

        Model(String name) {
            this.name = name;
        }

        /** A field the platform always sends. */
        Model always(String field, Kind kind) {
            return add(new Field(field, kind, true, null, null, Set.of()));
        }

        /** A field the platform always sends, one of {@code values}. */
        Model always(String field, Set<String> values) {
            return always(field, Kind.STRING, values);
        }

        /** A field of {@code kind} the platform always sends, whose text is one of {@code values}. */
        Model always(String field, Kind kind, Set<String> values) {
            return add(new Field(field, kind, true, null, null, values));
        }

        /** A documented field the platform may leave out, one of {@code values}. */
        Model optional(String field, Set<String> values) {
            return add(new Field(field, Kind.STRING, false, null, null, values));
        }

        /** A documented field the platform may leave out. */
        Model optional(String field, Kind kind) {
            return add(new Field(field, kind, false, null, null, Set.of()));
        }

        Model always(String field, Model object) {
            return add(new Field(field, Kind.OBJECT, true, object, null, Set.of()));
        }

        Model optional(String field, Model object) {
            return add(new Field(field, Kind.OBJECT, false, object, null, Set.of()));
        }

        /** An array of {@code item} objects. */
        Model arrayOf(String field, boolean always, Model item) {
            return add(new Field(field, Kind.ARRAY, always, item, null, Set.of()));
        }

        /** An array of scalars of {@code items}. */
        Model arrayOf(String field, boolean always, Kind items) {
            return add(new Field(field, Kind.ARRAY, always, null, items, Set.of()));
        }

        private Model add(Field field) {
            fields.put(field.name(), field);
            return this;
        }
    }

    // §4.3
    static final Model VIDEO_STREAM = new Model("MediaVideoStreamItem")
            .optional("Bitrate", Kind.INTEGER).optional("Height", Kind.INTEGER).optional("Width", Kind.INTEGER)
            .optional("Codec", Kind.STRING).optional("Fps", Kind.INTEGER).optional("CodecTag", Kind.STRING)
            .optional("DynamicRangeInfo", new Model("DynamicRangeInfo").optional("Type", Kind.STRING).optional("HDRType", Kind.STRING));
    static final Model AUDIO_STREAM = new Model("MediaAudioStreamItem")
            .optional("Bitrate", Kind.INTEGER).optional("SamplingRate", Kind.INTEGER).optional("Codec", Kind.STRING);
    static final Model META_DATA = new Model("MediaMetaData")
            .optional("Size", Kind.INTEGER).optional("Container", Kind.STRING).optional("Bitrate", Kind.INTEGER)
            .optional("Height", Kind.INTEGER).optional("Width", Kind.INTEGER).optional("Duration", Kind.NUMBER)
            .optional("Rotate", Kind.INTEGER).arrayOf("VideoStreamSet", false, VIDEO_STREAM).arrayOf("AudioStreamSet", false, AUDIO_STREAM)
            .optional("VideoDuration", Kind.NUMBER).optional("AudioDuration", Kind.NUMBER).optional("Md5", Kind.STRING);

    // §6.2 outputs and inputs
    static final Model TRANSCODE_INPUT = new Model("TranscodeTaskInput")
            .always("Definition", Kind.INTEGER).arrayOf("WatermarkSet", false, Kind.OBJECT).arrayOf("MosaicSet", false, Kind.OBJECT)
            .arrayOf("HeadTailSet", false, Kind.OBJECT).optional("StartTimeOffset", Kind.NUMBER).optional("EndTimeOffset", Kind.NUMBER)
            .optional("TraceWatermark", Kind.OBJECT).optional("CopyRightWatermark", Kind.OBJECT).optional("BlindWatermark", Kind.OBJECT);
    static final Model TRANSCODE_OUTPUT = new Model("MediaTranscodeItem")
            .always("Url", Kind.STRING).always("Definition", Kind.INTEGER).always("Bitrate", Kind.INTEGER).always("Height", Kind.INTEGER)
            .always("Width", Kind.INTEGER).always("Size", Kind.INTEGER).always("Duration", Kind.NUMBER).always("Md5", Kind.STRING)
            .always("Container", Kind.STRING).arrayOf("VideoStreamSet", true, VIDEO_STREAM).arrayOf("AudioStreamSet", true, AUDIO_STREAM)
            .optional("DigitalWatermarkType", Set.of("Trace", "CopyRight", "None"))
            .optional("CopyRightWatermarkText", Kind.STRING).optional("BlindWatermarkDefinition", Kind.INTEGER);
    /** [SDK] SnapshotByTimeOffsetTaskInput. */
    static final Model SNAPSHOT_INPUT = new Model("SnapshotByTimeOffsetTaskInput")
            .always("Definition", Kind.INTEGER).arrayOf("ExtTimeOffsetSet", false, Kind.STRING).arrayOf("TimeOffsetSet", false, Kind.NUMBER)
            .arrayOf("WatermarkSet", false, Kind.OBJECT);
    static final Model SNAPSHOT_OUTPUT = new Model("MediaSnapshotByTimeOffsetItem")
            .always("Definition", Kind.INTEGER).arrayOf("PicInfoSet", true, new Model("PicInfo")
                    .always("TimeOffset", Kind.NUMBER).always("Url", Kind.STRING).arrayOf("WaterMarkDefinition", false, Kind.INTEGER));
    /** [SDK] SampleSnapshotTaskInput. */
    static final Model SAMPLE_INPUT = new Model("SampleSnapshotTaskInput")
            .always("Definition", Kind.INTEGER).arrayOf("WatermarkSet", false, Kind.OBJECT);
    static final Model SAMPLE_OUTPUT = new Model("MediaSampleSnapshotItem")
            .always("Definition", Kind.INTEGER).always("SampleType", Set.of("Percent", "Time")).always("Interval", Kind.INTEGER)
            .arrayOf("ImageUrlSet", true, Kind.STRING).arrayOf("WaterMarkDefinition", false, Kind.INTEGER);
    static final Model COVER_INPUT = new Model("CoverBySnapshotTaskInput")
            .always("Definition", Kind.INTEGER).optional("PositionType", Set.of("Time", "Percent")).optional("PositionValue", Kind.NUMBER)
            .arrayOf("WatermarkSet", false, Kind.OBJECT);
    static final Model COVER_OUTPUT = new Model("CoverBySnapshotTaskOutput").always("CoverUrl", Kind.STRING);
    /** [SDK] AdaptiveDynamicStreamingTaskInput. */
    static final Model STREAMING_INPUT = new Model("AdaptiveDynamicStreamingTaskInput")
            .always("Definition", Kind.INTEGER).arrayOf("WatermarkSet", false, Kind.OBJECT);
    static final Model STREAMING_OUTPUT = new Model("AdaptiveDynamicStreamingInfoItem")
            .always("Definition", Kind.INTEGER).always("Package", Set.of("HLS", "DASH")).always("DrmType", Kind.STRING)
            .always("Url", Kind.STRING).always("Size", Kind.INTEGER).optional("DigitalWatermarkType", Set.of("Trace", "CopyRight", "None"))
            // [SDK] MediaSubStreamInfoItem: the spec writes SubStreamSet[] without its items
            .arrayOf("SubStreamSet", false, new Model("MediaSubStreamInfoItem")
                    .optional("Type", Kind.STRING).optional("Width", Kind.INTEGER).optional("Height", Kind.INTEGER).optional("Size", Kind.INTEGER));

    // §6.3
    static final Model REVIEW_INPUT = new Model("AiReview…TaskInput").always("Definition", Kind.INTEGER);
    static final Model REVIEW_SEGMENT = new Model("MediaContentReviewSegmentItem")
            .always("StartTimeOffset", Kind.NUMBER).always("EndTimeOffset", Kind.NUMBER).always("Confidence", Kind.NUMBER)
            .always("Label", Kind.STRING).always("Suggestion", Set.of("pass", "review", "block")).always("Url", Kind.STRING)
            .optional("PicUrlExpireTimeStamp", Kind.INTEGER).optional("PicUrlExpireTime", Kind.TIME);
    static final Model PORN_OUTPUT = new Model("AiReviewPornTaskOutput")
            .always("Confidence", Kind.NUMBER).always("Suggestion", Set.of("pass", "review", "block")).always("Label", Kind.STRING)
            .arrayOf("SegmentSet", true, REVIEW_SEGMENT).optional("SegmentSetFileUrl", Kind.STRING)
            .optional("SegmentSetFileUrlExpireTime", Kind.TIME);

    /** The output and input of each task type the platform runs, and whether its header has the process times. */
    record TaskModel(String type, String field, Model input, Model output, boolean timed) {
    }

    static final Map<String, TaskModel> TASKS = Map.of(
            "Transcode", new TaskModel("Transcode", "TranscodeTask", TRANSCODE_INPUT, TRANSCODE_OUTPUT, true),
            "SnapshotByTimeOffset", new TaskModel("SnapshotByTimeOffset", "SnapshotByTimeOffsetTask", SNAPSHOT_INPUT, SNAPSHOT_OUTPUT, true),
            "SampleSnapshot", new TaskModel("SampleSnapshot", "SampleSnapshotTask", SAMPLE_INPUT, SAMPLE_OUTPUT, true),
            "CoverBySnapshot", new TaskModel("CoverBySnapshot", "CoverBySnapshotTask", COVER_INPUT, COVER_OUTPUT, true),
            "AdaptiveDynamicStreaming", new TaskModel("AdaptiveDynamicStreaming", "AdaptiveDynamicStreamingTask", STREAMING_INPUT,
                    STREAMING_OUTPUT, true),
            "Porn", new TaskModel("Porn", "PornTask", REVIEW_INPUT, PORN_OUTPUT, false));

    /** §6.2's sub-task header (with the process times) or §6.3's (without), and the task's Input and Output. */
    static Model subTask(TaskModel task) {
        Model header = new Model(task.field())
                .always("Status", Set.of("PROCESSING", "SUCCESS", "FAIL")).always("ErrCodeExt", ERR_CODE_EXT)
                .always("ErrCode", Kind.INTEGER, ERR_CODE).always("Message", Kind.STRING).always("Progress", Kind.INTEGER);
        if (task.timed()) {
            header.always("BeginProcessTime", Kind.TIME).always("FinishTime", Kind.TIME);
        }
        return header.always("Input", task.input()).optional("Output", task.output());
    }

    // §6.1
    static final Model PROCEDURE_TASK = new Model("ProcedureTask")
            .always("TaskId", Kind.STRING).always("Status", Set.of("PROCESSING", "FINISH")).always("ErrCode", Kind.INTEGER, Set.of("0"))
            .always("Message", Kind.STRING).always("FileId", Kind.STRING).always("FileName", Kind.STRING).always("FileUrl", Kind.STRING)
            .optional("MetaData", META_DATA)
            .arrayOf("MediaProcessResultSet", true, Kind.OBJECT).arrayOf("AiContentReviewResultSet", true, Kind.OBJECT)
            .arrayOf("AiAnalysisResultSet", true, Kind.OBJECT).arrayOf("AiRecognitionResultSet", true, Kind.OBJECT)
            .always("TasksPriority", Kind.INTEGER).always("TasksNotifyMode", Set.of("Finish", "Change", "None", ""))
            .always("SessionContext", Kind.STRING).always("SessionId", Kind.STRING)
            .optional("Operator", Kind.STRING).optional("OperationType", Kind.STRING);

    // §7.1
    static final Model REVIEW_AUDIO_VIDEO_SEGMENT = new Model("ReviewAudioVideoSegmentItem")
            .always("StartTimeOffset", Kind.NUMBER).always("EndTimeOffset", Kind.NUMBER).always("Confidence", Kind.NUMBER)
            .always("Suggestion", Set.of("review", "block")).always("Label", Kind.STRING).optional("SubLabel", Kind.STRING)
            .always("Form", Kind.STRING).arrayOf("AreaCoordSet", false, Kind.INTEGER).optional("Text", Kind.STRING)
            .arrayOf("KeywordSet", false, Kind.STRING).always("Url", Kind.STRING).optional("PicUrlExpireTime", Kind.TIME);
    static final Model REVIEW_AUDIO_VIDEO_OUTPUT = new Model("ReviewAudioVideoTaskOutput")
            .always("Suggestion", Set.of("pass", "review", "block")).always("Label", Kind.STRING).always("Form", Kind.STRING)
            .arrayOf("SegmentSet", true, REVIEW_AUDIO_VIDEO_SEGMENT).optional("SegmentSetFileUrl", Kind.STRING)
            .optional("SegmentSetFileUrlExpireTime", Kind.TIME).optional("CoverReviewResult", Kind.OBJECT);
    static final Model REVIEW_AUDIO_VIDEO_TASK = new Model("ReviewAudioVideoTask")
            .always("TaskId", Kind.STRING).always("Status", Set.of("PROCESSING", "FINISH")).always("ErrCodeExt", ERR_CODE_EXT)
            .always("Message", Kind.STRING)
            .always("Input", new Model("ReviewAudioVideoTaskInput").always("FileId", Kind.STRING).always("Definition", Kind.INTEGER)
                    .arrayOf("ReviewContents", false, Kind.STRING))
            .optional("Output", REVIEW_AUDIO_VIDEO_OUTPUT).always("SessionId", Kind.STRING).always("SessionContext", Kind.STRING);

    /**
     * Fields the platform sends beyond the spec's models, by structure. The task-flow events have
     * none: the platform's extras travel in the push request's headers ({@code X-OpenVOD-*},
     * {@code webhook-*}), never in the body.
     */
    static final Map<String, Set<String>> EXTENSIONS = Map.of();

    private EventSpecModel() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** What in {@code node} departs from {@code model}; empty when it conforms. */
    static List<String> violations(JsonNode node, Model model, String path) {
        List<String> out = new ArrayList<>();
        if (!node.isObject()) {
            out.add(path + ": " + model.name + " must be an object, not " + node);
            return out;
        }
        Set<String> extensions = EXTENSIONS.getOrDefault(model.name, Set.of());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Field field = model.fields.get(e.getKey());
            String at = path + "." + e.getKey();
            if (field == null) {
                if (!extensions.contains(e.getKey())) {
                    out.add(at + ": not a field of " + model.name);
                }
            } else {
                out.addAll(value(e.getValue(), field, at));
            }
        }
        for (Field field : model.fields.values()) {
            if (field.always() && !node.has(field.name())) {
                out.add(path + "." + field.name() + ": missing from " + model.name);
            }
        }
        return out;
    }

    private static List<String> value(JsonNode value, Field field, String at) {
        List<String> out = new ArrayList<>();
        if (value.isNull()) {
            out.add(at + ": null is sent (absent values are left out)");
            return out;
        }
        if (!is(value, field.kind())) {
            out.add(at + ": a " + field.kind() + " in the spec, not " + value);
            return out;
        }
        if (!field.values().isEmpty() && !field.values().contains(value.asText())) {
            out.add(at + ": " + value + " is not one of " + field.values());
        }
        if (field.kind() == Kind.OBJECT && field.nested() != null) {
            out.addAll(violations(value, field.nested(), at));
        }
        if (field.kind() == Kind.ARRAY) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (field.nested() != null) {
                    out.addAll(violations(item, field.nested(), at + "[" + i + "]"));
                } else if (!is(item, field.items())) {
                    out.add(at + "[" + i + "]: a " + field.items() + " in the spec, not " + item);
                }
            }
        }
        return out;
    }

    private static boolean is(JsonNode value, Kind kind) {
        return switch (kind) {
            case STRING -> value.isTextual();
            case INTEGER -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case ARRAY -> value.isArray();
            case OBJECT -> value.isObject();
            case TIME -> value.isTextual() && (TIME.matcher(value.asText()).matches()
                    || value.asText().equals(ProcedureEvents.NO_TIME));
        };
    }

    /**
     * The violations of a {@code ProcedureTask}: its own fields, then each result — the review types
     * in {@code AiContentReviewResultSet}, the others in {@code MediaProcessResultSet} — as its
     * {@code Type} selects (§6.2: {@code Type} and exactly one {@code <Type>Task}).
     */
    static List<String> procedureTaskViolations(JsonNode task) {
        List<String> out = new ArrayList<>(violations(task, PROCEDURE_TASK, "ProcedureTask"));
        for (String set : List.of("MediaProcessResultSet", "AiContentReviewResultSet")) {
            JsonNode results = task.path(set);
            for (int i = 0; i < results.size(); i++) {
                out.addAll(resultViolations(results.get(i), set + "[" + i + "]", set.equals("AiContentReviewResultSet")));
            }
        }
        return out;
    }

    private static List<String> resultViolations(JsonNode result, String at, boolean reviewSet) {
        String type = result.path("Type").asText();
        TaskModel task = TASKS.get(type);
        if (task == null) {
            return List.of(at + ": Type " + type + " is not a task type the platform runs");
        }
        List<String> out = new ArrayList<>();
        if (reviewSet != (task.field().equals("PornTask"))) {
            out.add(at + ": " + type + " belongs in the other result set");
        }
        Model shape = new Model((reviewSet ? "AiContentReviewResult" : "MediaProcessTaskResult") + " " + type)
                .always("Type", Kind.STRING).always(task.field(), subTask(task));
        out.addAll(violations(result, shape, at));
        return out;
    }
}
