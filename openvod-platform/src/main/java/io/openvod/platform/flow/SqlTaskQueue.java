package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.SqlMediaCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * {@link TaskQueue} in the platform database ({@code task_flows}, {@code flow_tasks},
 * {@code flow_app_turns}; events in the catalog's outbox), on SQLite or PostgreSQL: starting
 * flows is {@link SqlFlowStarts}, claiming {@link SqlTaskClaims}, what follows a task's end
 * {@link SqlFlowChanges}. A task's lease belongs to its owner: every write after the claim checks
 * {@code lease_owner} and the {@code PROCESSING} status in its {@code WHERE}, so a worker whose
 * lease was taken over writes nothing.
 */
public final class SqlTaskQueue implements TaskQueue {
    private static final String LEASED = "id = :id AND lease_owner = :owner AND status = 'PROCESSING'";

    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final Clock clock;
    private final SqlFlowChanges changes;
    private final SqlFlowStarts starts;
    private final SqlTaskClaims claims;

    /** @param procedures which tasks a requested flow runs */
    public SqlTaskQueue(Jdbi jdbi, SqlMediaCatalog catalog, Procedures procedures, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = SqlDialect.of(jdbi);
        this.clock = clock;
        this.changes = new SqlFlowChanges(catalog);
        this.starts = new SqlFlowStarts(jdbi, catalog, procedures, changes, clock);
        this.claims = new SqlTaskClaims(jdbi, dialect, changes, clock);
    }

    @Override
    public int startPending(int limit) {
        return starts.startPending(limit);
    }

    @Override
    public boolean submit(List<FlowRequest> requests, Duration sessionWindow) {
        return starts.submit(requests, sessionWindow);
    }

    @Override
    public Optional<Claim> claim(String owner, long leaseMillis, Companions companions) {
        return claims.claim(owner, leaseMillis, companions);
    }

    @Override
    public boolean heartbeat(String id, String owner, int progress, long leaseMillis) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE flow_tasks SET lease_until = :until, progress = :progress WHERE " + LEASED)
                .bind("until", now + leaseMillis)
                .bind("progress", Math.max(0, Math.min(100, progress)))
                .bind("id", id)
                .bind("owner", owner)
                .execute()) == 1;
    }

    @Override
    public boolean succeed(String id, String owner, ObjectNode output, MediaChange change, Optional<TraceParent> writer) {
        return jdbi.inTransaction(h -> {
            long now = clock.millis();
            int done = h.createUpdate("UPDATE flow_tasks SET status = 'SUCCESS', progress = 100, output = :output, err_code_ext = '', "
                            + "message = '', lease_owner = NULL, lease_until = NULL, finish_time = :now WHERE " + LEASED)
                    .bind("output", ProcedureEvents.text(output))
                    .bind("now", now)
                    .bind("id", id)
                    .bind("owner", owner)
                    .execute();
            if (done != 1) {
                return false;
            }
            String taskId = SqlFlowRows.flowOf(h, id).orElseThrow();
            changes.apply(h, taskId, change, now);
            changes.afterTaskDone(h, taskId, now, writer);
            return true;
        });
    }

    @Override
    public boolean retryLater(String id, String owner, String errCodeExt, String message, Instant retryAt) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE flow_tasks SET status = 'WAITING', err_code_ext = :code, message = :message, "
                        + "lease_owner = NULL, lease_until = NULL, next_attempt_at = :next, finish_time = NULL WHERE " + LEASED)
                .bind("code", errCodeExt)
                .bind("message", message == null ? "" : message)
                .bind("next", retryAt.toEpochMilli())
                .bind("id", id)
                .bind("owner", owner)
                .execute()) == 1;
    }

    @Override
    public boolean fail(String id, String owner, String errCodeExt, String message, Optional<TraceParent> writer) {
        return jdbi.inTransaction(h -> {
            long now = clock.millis();
            int done = h.createUpdate("UPDATE flow_tasks SET status = 'FAIL', err_code_ext = :code, message = :message, "
                            + "lease_owner = NULL, lease_until = NULL, next_attempt_at = :now, finish_time = :now WHERE " + LEASED)
                    .bind("code", errCodeExt)
                    .bind("message", message == null ? "" : message)
                    .bind("now", now)
                    .bind("id", id)
                    .bind("owner", owner)
                    .execute();
            if (done != 1) {
                return false;
            }
            changes.afterTaskDone(h, SqlFlowRows.flowOf(h, id).orElseThrow(), now, writer);
            return true;
        });
    }

    @Override
    public boolean release(String id, String owner) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE flow_tasks SET status = 'WAITING', attempts = attempts - 1, lease_owner = NULL, "
                        + "lease_until = NULL WHERE " + LEASED)
                .bind("id", id)
                .bind("owner", owner)
                .execute()) == 1;
    }

    @Override
    public int rerunFailed(String taskId) {
        return jdbi.inTransaction(h -> {
            long now = clock.millis();
            int queued = h.createUpdate("UPDATE flow_tasks SET status = 'WAITING', attempts = 0, progress = 0, err_code_ext = '', "
                            + "message = '', output = NULL, begin_time = NULL, finish_time = NULL, next_attempt_at = :now "
                            + "WHERE task_id = :id AND status = 'FAIL'")
                    .bind("now", now)
                    .bind("id", taskId)
                    .execute();
            if (queued > 0) {
                h.createUpdate("UPDATE task_flows SET status = 'PROCESSING', finished_at = NULL, updated_at = :now WHERE task_id = :id")
                        .bind("now", now)
                        .bind("id", taskId)
                        .execute();
                h.createUpdate("UPDATE flow_requests SET state = 'RUNNING' WHERE task_id = :id").bind("id", taskId).execute();
            }
            return queued;
        });
    }

    /** Reads the flow and its tasks in one snapshot (on PostgreSQL a REPEATABLE READ transaction: its statements see one moment). */
    @Override
    public Optional<TaskFlow> find(String taskId) {
        if (dialect == SqlDialect.POSTGRES) {
            return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> SqlFlowRows.flow(h, taskId));
        }
        return jdbi.inTransaction(h -> SqlFlowRows.flow(h, taskId));
    }

    @Override
    public List<FlowSummary> list(FlowQuery query) {
        return jdbi.withHandle(h -> SqlFlowListing.list(h, query));
    }

    @Override
    public List<TaskOutput> outputs(String fileId) {
        return jdbi.withHandle(h -> SqlFlowRows.outputs(h, fileId));
    }

    @Override
    public Map<String, Waiting> depthByType() {
        return jdbi.withHandle(h -> h.createQuery("SELECT type, COUNT(*), MIN(created_at) FROM flow_tasks WHERE status = 'WAITING' "
                        + "GROUP BY type")
                .reduceResultSet(new TreeMap<String, Waiting>(), (map, rs, ctx) -> {
                    map.put(rs.getString(1), new Waiting(rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3))));
                    return map;
                }));
    }
}
