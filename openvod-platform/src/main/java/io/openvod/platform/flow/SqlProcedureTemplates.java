package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.ProcedurePlan;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Procedure templates: the built-in ones ({@code Preset}) and those each application defined
 * ({@code Custom}, at most {@value #MAX_CUSTOM} per application). A custom template cannot take a
 * built-in's name.
 */
public final class SqlProcedureTemplates {
    /** Tencent's limit on an application's own templates. */
    public static final int MAX_CUSTOM = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;
    private final ProcedureTemplates builtIn;
    private final Clock clock;

    public SqlProcedureTemplates(Jdbi jdbi, ProcedureTemplates builtIn, Clock clock) {
        this.jdbi = jdbi;
        this.builtIn = builtIn;
        this.clock = clock;
    }

    /** Why a template cannot be created or deleted. */
    public enum Refusal { BUILT_IN_NAME, EXISTS, TOO_MANY, NOT_FOUND }

    /** Stores a custom template without a ReviewAudioVideoTask; empty when stored, else why not. */
    public Optional<Refusal> create(long subAppId, String name, String comment, Optional<ObjectNode> mediaProcessTask,
                                    Optional<ObjectNode> aiContentReviewTask) {
        return create(subAppId, name, comment, mediaProcessTask, aiContentReviewTask, Optional.empty());
    }

    /** Stores a custom template; empty when stored, else why not. */
    public Optional<Refusal> create(long subAppId, String name, String comment, Optional<ObjectNode> mediaProcessTask,
                                    Optional<ObjectNode> aiContentReviewTask, Optional<ObjectNode> reviewAudioVideoTask) {
        if (builtIn.tasks(name).isPresent()) {
            return Optional.of(Refusal.BUILT_IN_NAME);
        }
        return jdbi.inTransaction(h -> {
            int count = h.createQuery("SELECT COUNT(*) FROM procedure_templates WHERE sub_app_id = :app").bind("app", subAppId)
                    .mapTo(Integer.class).one();
            boolean exists = h.createQuery("SELECT COUNT(*) FROM procedure_templates WHERE sub_app_id = :app AND name = :name")
                    .bind("app", subAppId).bind("name", name).mapTo(Integer.class).one() > 0;
            if (exists) {
                return Optional.of(Refusal.EXISTS);
            }
            if (count >= MAX_CUSTOM) {
                return Optional.of(Refusal.TOO_MANY);
            }
            long now = clock.millis();
            h.createUpdate("INSERT INTO procedure_templates (sub_app_id, name, comment, media_process_task, ai_content_review_task, "
                            + "review_audio_video_task, created_at, updated_at) VALUES (:app, :name, :comment, :media, :review, "
                            + ":reviewAudioVideo, :now, :now)")
                    .bind("app", subAppId)
                    .bind("name", name)
                    .bind("comment", comment)
                    .bind("media", mediaProcessTask.map(ProcedureEvents::text).orElse(null))
                    .bind("review", aiContentReviewTask.map(ProcedureEvents::text).orElse(null))
                    .bind("reviewAudioVideo", reviewAudioVideoTask.map(ProcedureEvents::text).orElse(null))
                    .bind("now", now)
                    .execute();
            return Optional.<Refusal>empty();
        });
    }

    /** Deletes a custom template; empty when deleted, else why not. */
    public Optional<Refusal> delete(long subAppId, String name) {
        if (builtIn.tasks(name).isPresent()) {
            return Optional.of(Refusal.BUILT_IN_NAME);
        }
        int deleted = jdbi.withHandle(h -> h.createUpdate("DELETE FROM procedure_templates WHERE sub_app_id = :app AND name = :name")
                .bind("app", subAppId).bind("name", name).execute());
        return deleted == 1 ? Optional.empty() : Optional.of(Refusal.NOT_FOUND);
    }

    /** The built-in templates, then the application's own by name. */
    public List<ProcedureTemplate> list(long subAppId) {
        List<ProcedureTemplate> all = new ArrayList<>();
        builtIn.names().forEach(name -> builtIn.template(name).ifPresent(all::add));
        all.addAll(jdbi.withHandle(h -> h.createQuery("SELECT name, comment, media_process_task, ai_content_review_task, created_at, "
                        + "updated_at, review_audio_video_task FROM procedure_templates WHERE sub_app_id = :app ORDER BY name")
                .bind("app", subAppId)
                .map((rs, ctx) -> new ProcedureTemplate(rs.getString(1), "Custom", rs.getString(2), object(rs.getString(3)),
                        object(rs.getString(4)), object(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(5)),
                        Instant.ofEpochMilli(rs.getLong(6))))
                .list()));
        return all;
    }

    /** The tasks of the template {@code name} for the application, read in the caller's transaction. */
    public Optional<List<ProcedureTemplates.TaskSpec>> tasks(Handle h, long subAppId, String name) {
        Optional<List<ProcedureTemplates.TaskSpec>> preset = builtIn.tasks(name);
        if (preset.isPresent()) {
            return preset;
        }
        return h.createQuery("SELECT media_process_task, ai_content_review_task FROM procedure_templates "
                        + "WHERE sub_app_id = :app AND name = :name")
                .bind("app", subAppId)
                .bind("name", name)
                .map((rs, ctx) -> new ProcedureTemplate(name, "Custom", "", object(rs.getString(1)), object(rs.getString(2)),
                        Instant.EPOCH, Instant.EPOCH).tasks())
                .findOne();
    }

    /**
     * What the procedure {@code name} of the application starts: a Procedure flow when it holds
     * processing or legacy review tasks (or is unknown), a ReviewAudioVideo task when it holds a
     * ReviewAudioVideoTask.
     */
    public ProcedurePlan plan(long subAppId, String name) {
        Optional<List<ProcedureTemplates.TaskSpec>> preset = builtIn.tasks(name);
        if (preset.isPresent()) {
            Optional<ObjectNode> review = builtIn.reviewAudioVideoTask(name);
            return new ProcedurePlan(!preset.get().isEmpty() || review.isEmpty(), review.map(ProcedureEvents::text));
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT media_process_task, ai_content_review_task, review_audio_video_task "
                        + "FROM procedure_templates WHERE sub_app_id = :app AND name = :name")
                .bind("app", subAppId)
                .bind("name", name)
                .map((rs, ctx) -> {
                    Optional<ObjectNode> review = object(rs.getString(3));
                    List<ProcedureTemplates.TaskSpec> tasks = new ProcedureTemplate(name, "Custom", "", object(rs.getString(1)),
                            object(rs.getString(2)), Instant.EPOCH, Instant.EPOCH).tasks();
                    return new ProcedurePlan(!tasks.isEmpty() || review.isEmpty(), review.map(ProcedureEvents::text));
                })
                .findOne()
                .orElse(new ProcedurePlan(true, Optional.empty())));
    }

    private static Optional<ObjectNode> object(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) JSON.readTree(json));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a stored procedure template is not JSON", e);
        }
    }
}
