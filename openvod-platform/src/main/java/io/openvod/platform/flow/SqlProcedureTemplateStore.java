package io.openvod.platform.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ProcedureTemplateStore} in the platform database ({@code procedure_templates}, primary key
 * {@code (sub_app_id, name)}): the task sets are kept as Tencent's request objects in JSON. Two
 * nodes adding the same name at once store one template: the other is told {@code EXISTS}.
 */
public final class SqlProcedureTemplateStore implements ProcedureTemplateStore {
    private static final String COLUMNS = "name, comment, media_process_task, ai_content_review_task, review_audio_video_task, "
            + "created_at, updated_at";

    private final Jdbi jdbi;

    public SqlProcedureTemplateStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Conflict> add(long subAppId, ProcedureTemplate template, int limit) {
        return jdbi.inTransaction(h -> {
            if (find(h, subAppId, template.name()).isPresent()) {
                return Optional.of(Conflict.EXISTS);
            }
            int count = h.createQuery("SELECT COUNT(*) FROM procedure_templates WHERE sub_app_id = :app").bind("app", subAppId)
                    .mapTo(Integer.class).one();
            if (count >= limit) {
                return Optional.of(Conflict.TOO_MANY);
            }
            int added = h.createUpdate("INSERT INTO procedure_templates (sub_app_id, " + COLUMNS + ") VALUES (:app, :name, :comment, "
                            + ":media, :review, :reviewAudioVideo, :created, :updated) ON CONFLICT (sub_app_id, name) DO NOTHING")
                    .bind("app", subAppId)
                    .bind("name", template.name())
                    .bind("comment", template.comment())
                    .bind("media", template.mediaProcessTask().map(ProcedureEvents::text).orElse(null))
                    .bind("review", template.aiContentReviewTask().map(ProcedureEvents::text).orElse(null))
                    .bind("reviewAudioVideo", template.reviewAudioVideoTask().map(ProcedureEvents::text).orElse(null))
                    .bind("created", template.createdAt().toEpochMilli())
                    .bind("updated", template.updatedAt().toEpochMilli())
                    .execute();
            return added == 1 ? Optional.<Conflict>empty() : Optional.of(Conflict.EXISTS);
        });
    }

    @Override
    public Optional<ProcedureTemplate> find(long subAppId, String name) {
        return jdbi.withHandle(h -> find(h, subAppId, name));
    }

    @Override
    public List<ProcedureTemplate> list(long subAppId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM procedure_templates WHERE sub_app_id = :app ORDER BY name")
                .bind("app", subAppId)
                .map((rs, ctx) -> template(rs))
                .list());
    }

    @Override
    public boolean delete(long subAppId, String name) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM procedure_templates WHERE sub_app_id = :app AND name = :name")
                .bind("app", subAppId)
                .bind("name", name)
                .execute()) == 1;
    }

    private static Optional<ProcedureTemplate> find(Handle h, long subAppId, String name) {
        return h.createQuery("SELECT " + COLUMNS + " FROM procedure_templates WHERE sub_app_id = :app AND name = :name")
                .bind("app", subAppId)
                .bind("name", name)
                .map((rs, ctx) -> template(rs))
                .findOne();
    }

    private static ProcedureTemplate template(ResultSet rs) throws SQLException {
        return new ProcedureTemplate(rs.getString(1), "Custom", rs.getString(2), FlowJson.optionalObject(rs.getString(3)),
                FlowJson.optionalObject(rs.getString(4)), FlowJson.optionalObject(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)),
                Instant.ofEpochMilli(rs.getLong(7)));
    }
}
