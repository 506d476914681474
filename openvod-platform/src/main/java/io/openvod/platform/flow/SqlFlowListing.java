package io.openvod.platform.flow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Lists flows for {@link TaskQueue#list}: every {@code flow_requests} row (a flow asked for), with
 * its {@code task_flows} row and its tasks' counts once a node started it. The status filter reads
 * the stored columns as {@link FlowSummary#status()} does.
 */
final class SqlFlowListing {
    private static final String TASKS = "FROM flow_tasks t WHERE t.task_id = r.task_id";
    private static final String BEGUN = "EXISTS (SELECT 1 " + TASKS + " AND t.begin_time IS NOT NULL)";
    private static final String SELECT = "SELECT r.task_id, r.file_id, r.sub_app_id, r.procedure_name, "
            + "CASE WHEN r.review_audio_video_task IS NULL THEN 0 ELSE 1 END, "
            + "CASE WHEN f.status = 'FINISH' THEN 1 ELSE 0 END, "
            + "(SELECT COUNT(*) " + TASKS + "), (SELECT COUNT(*) " + TASKS + " AND t.status = 'FAIL'), "
            + "r.created_at, (SELECT MIN(t.begin_time) " + TASKS + "), f.finished_at, r.session_id, r.session_context "
            + "FROM flow_requests r LEFT JOIN task_flows f ON f.task_id = r.task_id WHERE 1 = 1";
    private static final String FROM_CREATED = "(SELECT s.created_at FROM flow_requests s WHERE s.task_id = :from)";

    private SqlFlowListing() {
    }

    static List<FlowSummary> list(Handle h, FlowQuery q) {
        StringBuilder sql = new StringBuilder(SELECT);
        q.subAppId().ifPresent(id -> sql.append(" AND r.sub_app_id = :subAppId"));
        q.fileId().ifPresent(id -> sql.append(" AND r.file_id = :fileId"));
        q.status().ifPresent(status -> sql.append(" AND ").append(status(status)));
        q.from().ifPresent(id -> sql.append(" AND (r.created_at < ").append(FROM_CREATED).append(" OR (r.created_at = ")
                .append(FROM_CREATED).append(" AND r.task_id <= :from))"));
        sql.append(" ORDER BY r.created_at DESC, r.task_id DESC LIMIT :limit");
        Query query = h.createQuery(sql.toString()).bind("limit", q.limit());
        q.subAppId().ifPresent(id -> query.bind("subAppId", id));
        q.fileId().ifPresent(id -> query.bind("fileId", id));
        q.from().ifPresent(id -> query.bind("from", id));
        return query.map((rs, ctx) -> summary(rs)).list();
    }

    private static String status(String status) {
        return switch (status) {
            case "FINISH" -> "f.status = 'FINISH'";
            case "PROCESSING" -> "f.status = 'PROCESSING' AND " + BEGUN;
            default -> "(f.status IS NULL OR (f.status = 'PROCESSING' AND NOT " + BEGUN + "))";
        };
    }

    private static FlowSummary summary(ResultSet rs) throws SQLException {
        return new FlowSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5) == 1, rs.getInt(6) == 1,
                rs.getInt(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9)), time(rs, 10), time(rs, 11), rs.getString(12),
                rs.getString(13));
    }

    private static Optional<Instant> time(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
