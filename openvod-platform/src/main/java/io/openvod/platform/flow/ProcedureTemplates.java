package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The procedure templates the platform knows, by name (the {@code procedure} of an upload
 * signature). Built in:
 * <ul>
 *   <li>{@code Review} — legacy content review with preset 10: {@code Porn} (results in
 *       {@code AiContentReviewResultSet}; Terrorism and Political review are not run yet);</li>
 *   <li>{@code TranscodeCover} — Transcode to MP4 100010 and 100020, a cover at 0 s
 *       ({@code CoverBySnapshot}, definition 10);</li>
 *   <li>{@code LongVideoPreset} — Transcode 100010, 100020, 100030 and the cover;</li>
 *   <li>{@code ReviewTranscodeCover} — {@code TranscodeCover} followed by {@code Review};</li>
 *   <li>{@code ReviewAudioVideo} — only a {@code ReviewAudioVideoTask} (review template 10,
 *       {@code ReviewContents} {@code ["Media"]}): the review runs as its own task and reports
 *       {@code ReviewAudioVideoComplete};</li>
 *   <li>{@code ReviewAudioVideoTranscodeCover} — {@code TranscodeCover} as a Procedure task, and the
 *       {@code ReviewAudioVideoTask} as its own task.</li>
 * </ul>
 * An application's own templates ({@link ProcedureTemplateStore}, put together with these by
 * {@link Procedures}) come after these; a flow whose
 * procedure is unknown has no tasks and finishes at once.
 */
public final class ProcedureTemplates {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One sub-task of a template: Tencent's result {@code Type} and its task input. */
    public record TaskSpec(String type, ObjectNode input) {
        public TaskSpec {
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(input, "input == null");
        }
    }

    private final Map<String, List<TaskSpec>> templates = new LinkedHashMap<>();
    private final Map<String, String> comments = new LinkedHashMap<>();
    private final Map<String, ObjectNode> reviewAudioVideo = new LinkedHashMap<>();

    private ProcedureTemplates() {
    }

    /** The built-in templates. */
    public static ProcedureTemplates builtIn() {
        ProcedureTemplates t = new ProcedureTemplates();
        List<TaskSpec> review = ProcedureTemplate.REVIEW_TYPES.stream().map(ProcedureTemplates::review).toList();
        List<TaskSpec> transcodeCover = List.of(transcode(100010), transcode(100020), cover());
        List<TaskSpec> combined = new ArrayList<>(transcodeCover);
        combined.addAll(review);
        t.add("Review", "Content review (Porn)", review);
        t.add("TranscodeCover", "MP4 100010 and 100020, cover at 0 s", transcodeCover);
        t.add("LongVideoPreset", "MP4 100010, 100020, 100030, cover at 0 s",
                List.of(transcode(100010), transcode(100020), transcode(100030), cover()));
        t.add("ReviewTranscodeCover", "TranscodeCover and Review", List.copyOf(combined));
        t.add("ReviewAudioVideo", "ReviewAudioVideo (Porn, template 10)", List.of());
        t.reviewAudioVideo.put("ReviewAudioVideo", reviewAudioVideoTask());
        t.add("ReviewAudioVideoTranscodeCover", "TranscodeCover and ReviewAudioVideo", transcodeCover);
        t.reviewAudioVideo.put("ReviewAudioVideoTranscodeCover", reviewAudioVideoTask());
        return t;
    }

    private void add(String name, String comment, List<TaskSpec> tasks) {
        templates.put(name, tasks);
        comments.put(name, comment);
    }

    /** The built-in template {@code name} as DescribeProcedureTemplates shows it. */
    public Optional<ProcedureTemplate> template(String name) {
        return tasks(name).map(tasks -> ProcedureTemplate.preset(name, comments.get(name), tasks, reviewAudioVideoTask(name)));
    }

    /** The ReviewAudioVideoTask of the built-in template {@code name}, if it has one. */
    public Optional<ObjectNode> reviewAudioVideoTask(String name) {
        return Optional.ofNullable(reviewAudioVideo.get(name)).map(ObjectNode::deepCopy);
    }

    /** The tasks of {@code name}'s Procedure flow (not its ReviewAudioVideoTask); empty when there is no such template. */
    public Optional<List<TaskSpec>> tasks(String name) {
        return Optional.ofNullable(templates.get(name));
    }

    /** The template names, built-ins in their documented order. */
    public List<String> names() {
        return List.copyOf(templates.keySet());
    }

    public static TaskSpec transcode(long definition) {
        ObjectNode input = JSON.createObjectNode();
        input.put("Definition", definition);
        input.putArray("WatermarkSet");
        return new TaskSpec("Transcode", input);
    }

    public static TaskSpec cover() {
        ObjectNode input = JSON.createObjectNode();
        input.put("Definition", 10);
        input.put("PositionType", "Time");
        input.put("PositionValue", 0);
        input.putArray("WatermarkSet");
        return new TaskSpec("CoverBySnapshot", input);
    }

    /** Tencent's ProcedureReviewAudioVideoTaskInput of the built-in templates: template 10 on the media. */
    public static ObjectNode reviewAudioVideoTask() {
        ObjectNode input = JSON.createObjectNode();
        input.put("Definition", 10);
        input.putArray("ReviewContents").add("Media");
        return input;
    }

    public static TaskSpec review(String type) {
        ObjectNode input = JSON.createObjectNode();
        input.put("Definition", 10);
        return new TaskSpec(type, input);
    }
}
