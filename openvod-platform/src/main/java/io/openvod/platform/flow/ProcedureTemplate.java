package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A procedure template as Tencent describes it: {@code MediaProcessTask} (task sets by kind), the
 * legacy {@code AiContentReviewTask} and {@code ReviewAudioVideoTask} ({@code {Definition,
 * ReviewContents}}); {@code Type} {@code Preset} (built in) or {@code Custom}. {@link #tasks()}
 * lists the tasks a Procedure flow of the template runs, in the order of the sets below; the
 * {@code ReviewAudioVideoTask} runs apart, as its own {@code ReviewAudioVideo} task.
 */
public record ProcedureTemplate(String name, String type, String comment, Optional<ObjectNode> mediaProcessTask,
                                Optional<ObjectNode> aiContentReviewTask, Optional<ObjectNode> reviewAudioVideoTask, Instant createdAt,
                                Instant updatedAt) {
    /** A template without a ReviewAudioVideoTask. */
    public ProcedureTemplate(String name, String type, String comment, Optional<ObjectNode> mediaProcessTask,
                             Optional<ObjectNode> aiContentReviewTask, Instant createdAt, Instant updatedAt) {
        this(name, type, comment, mediaProcessTask, aiContentReviewTask, Optional.empty(), createdAt, updatedAt);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The task sets of MediaProcessTask and the result Type of their tasks. */
    public static final Map<String, String> TASK_SETS = orderedSets();
    /** The result types one legacy AiContentReviewTask runs. */
    public static final List<String> REVIEW_TYPES = List.of("Porn");

    private static Map<String, String> orderedSets() {
        Map<String, String> sets = new java.util.LinkedHashMap<>();
        sets.put("TranscodeTaskSet", "Transcode");
        sets.put("AnimatedGraphicTaskSet", "AnimatedGraphics");
        sets.put("SnapshotByTimeOffsetTaskSet", "SnapshotByTimeOffset");
        sets.put("SampleSnapshotTaskSet", "SampleSnapshot");
        sets.put("ImageSpriteTaskSet", "ImageSprites");
        sets.put("CoverBySnapshotTaskSet", "CoverBySnapshot");
        sets.put("AdaptiveDynamicStreamingTaskSet", "AdaptiveDynamicStreaming");
        return java.util.Collections.unmodifiableMap(sets);
    }

    /** The tasks of a flow of this template. */
    public List<ProcedureTemplates.TaskSpec> tasks() {
        List<ProcedureTemplates.TaskSpec> tasks = new ArrayList<>();
        mediaProcessTask.ifPresent(m -> TASK_SETS.forEach((set, type) -> {
            for (JsonNode item : m.path(set)) {
                if (item.isObject()) {
                    tasks.add(new ProcedureTemplates.TaskSpec(type, (ObjectNode) item.deepCopy()));
                }
            }
        }));
        aiContentReviewTask.ifPresent(review -> REVIEW_TYPES.forEach(type -> {
            ObjectNode input = JSON.createObjectNode();
            input.set("Definition", review.path("Definition").isMissingNode() ? JSON.getNodeFactory().numberNode(10)
                    : review.get("Definition").deepCopy());
            tasks.add(new ProcedureTemplates.TaskSpec(type, input));
        }));
        return tasks;
    }

    /** The template of built-in {@code tasks}: the task sets rebuilt from them. */
    static ProcedureTemplate preset(String name, String comment, List<ProcedureTemplates.TaskSpec> tasks,
                                    Optional<ObjectNode> reviewAudioVideoTask) {
        ObjectNode media = JSON.createObjectNode();
        ObjectNode review = null;
        for (ProcedureTemplates.TaskSpec task : tasks) {
            Optional<String> set = TASK_SETS.entrySet().stream().filter(e -> e.getValue().equals(task.type())).map(Map.Entry::getKey)
                    .findFirst();
            if (set.isPresent()) {
                ArrayNode items = media.has(set.get()) ? (ArrayNode) media.get(set.get()) : media.putArray(set.get());
                items.add(task.input().deepCopy());
            } else if (review == null) {
                review = task.input().deepCopy();
            }
        }
        return new ProcedureTemplate(name, "Preset", comment, media.isEmpty() ? Optional.empty() : Optional.of(media),
                Optional.ofNullable(review), reviewAudioVideoTask.map(ObjectNode::deepCopy), Instant.EPOCH, Instant.EPOCH);
    }
}
