package io.openvod.platform.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads flows, their tasks and their media's fields in the caller's transaction. */
final class SqlFlowRows {
    private static final String TASK_COLUMNS = "id, task_id, position, type, input, priority, status, progress, attempts, "
            + "err_code_ext, message, output, begin_time, finish_time";

    private SqlFlowRows() {
    }

    static Optional<TaskFlow> flow(Handle h, String taskId) {
        List<FlowTask> tasks = h.createQuery("SELECT " + TASK_COLUMNS + " FROM flow_tasks WHERE task_id = :id ORDER BY position")
                .bind("id", taskId)
                .map((rs, ctx) -> task(rs))
                .list();
        return h.createQuery("SELECT f.task_id, f.file_id, f.app_id, f.sub_app_id, f.procedure_name, f.priority, f.notify_mode, "
                        + "f.session_context, f.session_id, f.status, f.created_at, f.updated_at, f.finished_at, f.trace_id, "
                        + "r.task_notify_mode FROM task_flows f LEFT JOIN flow_requests r ON r.task_id = f.task_id WHERE f.task_id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new TaskFlow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)), time(rs, 13), tasks,
                        Optional.ofNullable(rs.getString(14)), namedMode(rs.getString(7), rs.getString(15))))
                .findOne()
                .or(() -> requested(h, taskId));
    }

    /**
     * A flow asked for that no node started yet: WAITING. Its tasks are made when it starts, so it
     * has none yet, except that a ReviewAudioVideo flow shows its one task, waiting.
     */
    private static Optional<TaskFlow> requested(Handle h, String taskId) {
        return h.createQuery("SELECT task_id, file_id, app_id, sub_app_id, procedure_name, task_priority, task_notify_mode, "
                        + "session_context, session_id, created_at, review_audio_video_task FROM flow_requests "
                        + "WHERE task_id = :id AND state = 'PENDING'")
                .bind("id", taskId)
                .map((rs, ctx) -> {
                    Instant asked = Instant.ofEpochMilli(rs.getLong(10));
                    String review = rs.getString(11);
                    List<FlowTask> tasks = review == null ? List.of() : List.of(new FlowTask("", rs.getString(1), 0,
                            ReviewAudioVideoEvents.TYPE, review, rs.getInt(6), "WAITING", 0, 0, "", "", Optional.empty(),
                            Optional.empty(), Optional.empty()));
                    return new TaskFlow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getInt(6),
                            SqlFlowStarts.effectiveMode(rs.getString(7)), rs.getString(8), Objects.requireNonNullElse(rs.getString(9), ""),
                            "WAITING", asked, asked, Optional.empty(), tasks, Optional.empty(), rs.getString(7));
                })
                .findOne();
    }

    /** The mode the flow's request named ({@code ""}: none); the flow's own for a request not kept or not one of the modes. */
    private static String namedMode(String mode, String requested) {
        return requested != null && (requested.isEmpty() || requested.equals(mode)) ? requested : mode;
    }

    /** The TaskId of the flow of task {@code id}. */
    static Optional<String> flowOf(Handle h, String id) {
        return h.createQuery("SELECT task_id FROM flow_tasks WHERE id = :id").bind("id", id).mapTo(String.class).findOne();
    }

    /** The media fields of a flow's events; empty strings and no MetaData once the media is gone. */
    static ProcedureEvents.MediaFields mediaFields(Handle h, String fileId) {
        return h.createQuery("SELECT name, media_url, metadata FROM media WHERE file_id = :fileId")
                .bind("fileId", fileId)
                .map((rs, ctx) -> new ProcedureEvents.MediaFields(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3))))
                .findOne()
                .orElse(ProcedureEvents.MediaFields.NONE);
    }

    static List<TaskQueue.TaskOutput> outputs(Handle h, String fileId) {
        return h.createQuery("SELECT t.type, t.output FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id "
                        + "WHERE f.file_id = :fileId AND t.status = 'SUCCESS' AND t.output IS NOT NULL ORDER BY t.finish_time, t.id")
                .bind("fileId", fileId)
                .map((rs, ctx) -> new TaskQueue.TaskOutput(rs.getString(1), FlowJson.object(rs.getString(2))))
                .list();
    }

    private static FlowTask task(ResultSet rs) throws SQLException {
        return new FlowTask(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getString(10), rs.getString(11), Optional.ofNullable(rs.getString(12)),
                time(rs, 13), time(rs, 14));
    }

    private static Optional<Instant> time(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
