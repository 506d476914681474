package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.ProcedurePlan;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The procedure templates an application can run: the built-in ones ({@code Preset},
 * {@link ProcedureTemplates}) and its own ({@code Custom}, at most {@value #MAX_CUSTOM}, kept in a
 * {@link ProcedureTemplateStore}). A custom template cannot take a built-in's name; a built-in
 * cannot be deleted. Also tells which tasks a requested flow runs and what a named procedure
 * starts ({@link ProcedurePlan}).
 */
public final class Procedures implements ProcedurePlan.Lookup {
    /** Tencent's limit on an application's own templates. */
    public static final int MAX_CUSTOM = 50;

    /** Why a template cannot be created or deleted. */
    public enum Refusal { BUILT_IN_NAME, EXISTS, TOO_MANY, NOT_FOUND }

    private final ProcedureTemplates builtIn;
    private final ProcedureTemplateStore custom;
    private final Clock clock;

    public Procedures(ProcedureTemplates builtIn, ProcedureTemplateStore custom, Clock clock) {
        this.builtIn = builtIn;
        this.custom = custom;
        this.clock = clock;
    }

    /** Stores an application's own template; empty when stored, else why not. */
    public Optional<Refusal> create(long subAppId, String name, String comment, Optional<ObjectNode> mediaProcessTask,
                                    Optional<ObjectNode> aiContentReviewTask, Optional<ObjectNode> reviewAudioVideoTask) {
        if (builtIn.tasks(name).isPresent()) {
            return Optional.of(Refusal.BUILT_IN_NAME);
        }
        Instant now = clock.instant();
        ProcedureTemplate template = new ProcedureTemplate(name, "Custom", comment, mediaProcessTask, aiContentReviewTask,
                reviewAudioVideoTask, now, now);
        return custom.add(subAppId, template, MAX_CUSTOM).map(conflict -> switch (conflict) {
            case EXISTS -> Refusal.EXISTS;
            case TOO_MANY -> Refusal.TOO_MANY;
        });
    }

    /** Deletes an application's own template; empty when deleted, else why not. */
    public Optional<Refusal> delete(long subAppId, String name) {
        if (builtIn.tasks(name).isPresent()) {
            return Optional.of(Refusal.BUILT_IN_NAME);
        }
        return custom.delete(subAppId, name) ? Optional.empty() : Optional.of(Refusal.NOT_FOUND);
    }

    /** The built-in templates, then the application's own by name. */
    public List<ProcedureTemplate> list(long subAppId) {
        List<ProcedureTemplate> all = new ArrayList<>();
        builtIn.names().forEach(name -> builtIn.template(name).ifPresent(all::add));
        all.addAll(custom.list(subAppId));
        return all;
    }

    /** The template {@code name} the application can run: a built-in, else its own. */
    public Optional<ProcedureTemplate> find(long subAppId, String name) {
        return builtIn.template(name).or(() -> custom.find(subAppId, name));
    }

    /**
     * What the procedure {@code name} of the application starts: a Procedure flow when it holds
     * processing or legacy review tasks (or is unknown), a ReviewAudioVideo task when it holds a
     * ReviewAudioVideoTask.
     */
    @Override
    public ProcedurePlan plan(long subAppId, String name) {
        Optional<List<ProcedureTemplates.TaskSpec>> preset = builtIn.tasks(name);
        if (preset.isPresent()) {
            return plan(preset.get(), builtIn.reviewAudioVideoTask(name));
        }
        return custom.find(subAppId, name)
                .map(t -> plan(t.tasks(), t.reviewAudioVideoTask()))
                .orElse(new ProcedurePlan(true, Optional.empty()));
    }

    private static ProcedurePlan plan(List<ProcedureTemplates.TaskSpec> tasks, Optional<ObjectNode> reviewAudioVideoTask) {
        return new ProcedurePlan(!tasks.isEmpty() || reviewAudioVideoTask.isEmpty(), reviewAudioVideoTask.map(ProcedureEvents::text));
    }

    /**
     * The tasks a flow of {@code request} runs: a ReviewAudioVideo task's one task, the tasks a
     * {@code ProcessMedia} request carries, or those of the template it names (none when the
     * application has no such template: the flow then finishes at once).
     */
    public List<ProcedureTemplates.TaskSpec> tasks(FlowRequest request) {
        if (request.adHoc().isPresent()) {
            return adHocTasks(request.adHoc().get());
        }
        return builtIn.tasks(request.procedure())
                .or(() -> custom.find(request.subAppId(), request.procedure()).map(ProcedureTemplate::tasks))
                .orElse(List.of());
    }

    private static List<ProcedureTemplates.TaskSpec> adHocTasks(FlowRequest.AdHocTasks tasks) {
        if (tasks.reviewAudioVideoTask().isPresent()) {
            return List.of(new ProcedureTemplates.TaskSpec(ReviewAudioVideoEvents.TYPE, FlowJson.object(tasks.reviewAudioVideoTask().get())));
        }
        return new ProcedureTemplate("", "Custom", "", tasks.mediaProcessTask().map(FlowJson::object),
                tasks.aiContentReviewTask().map(FlowJson::object), Instant.EPOCH, Instant.EPOCH).tasks();
    }
}
