package io.openvod.platform.flow;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims due tasks ({@link TaskQueue#claim}): one query picks the task whose turn it is and
 * locks it ({@link SqlDialect#lockSkippingLocked}: on PostgreSQL, nodes claiming at once skip
 * each other's rows instead of waiting for them), then the task takes the lease, and the
 * application's turn ({@code flow_app_turns}) is recorded with an upsert, which two nodes may run
 * for the same application at once.
 */
final class SqlTaskClaims {
    /** A waiting task whose time has come, or a running one whose lease ran out. */
    private static final String DUE = "((t.status = 'WAITING' AND t.next_attempt_at <= :now) "
            + "OR (t.status = 'PROCESSING' AND t.lease_until < :now))";
    /** {@link #DUE} of the row an UPDATE changes. */
    private static final String STILL_DUE = "((status = 'WAITING' AND next_attempt_at <= :now) "
            + "OR (status = 'PROCESSING' AND lease_until < :now))";
    /**
     * The due tasks in the order they are claimed. Applications take turns: the one with the
     * fewest tasks running, then the one served longest ago, then the one with the oldest due
     * task; within an application the highest priority, then the longest waiting, then template order.
     */
    private static final String NEXT = "WITH due_apps AS (SELECT f.sub_app_id AS sub_app_id, MIN(t.created_at) AS oldest "
            + "FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id WHERE " + DUE + " GROUP BY f.sub_app_id), "
            + "running AS (SELECT f.sub_app_id AS sub_app_id, COUNT(*) AS tasks FROM flow_tasks t JOIN task_flows f "
            + "ON f.task_id = t.task_id WHERE t.status = 'PROCESSING' AND t.lease_until >= :now GROUP BY f.sub_app_id) "
            + "SELECT t.id, t.task_id, t.status, f.sub_app_id FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id "
            + "JOIN due_apps d ON d.sub_app_id = f.sub_app_id LEFT JOIN running r ON r.sub_app_id = f.sub_app_id "
            + "LEFT JOIN flow_app_turns a ON a.sub_app_id = f.sub_app_id WHERE " + DUE
            + " ORDER BY COALESCE(r.tasks, 0), COALESCE(a.last_claim_at, 0), d.oldest, f.sub_app_id, "
            + "t.priority DESC, t.next_attempt_at, t.created_at, t.position LIMIT 1";
    private static final int TRIES = 5;

    private final Jdbi jdbi;
    private final SqlDialect dialect;
    private final SqlFlowChanges changes;
    private final Clock clock;

    SqlTaskClaims(Jdbi jdbi, SqlDialect dialect, SqlFlowChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.changes = changes;
        this.clock = clock;
    }

    /** A due task, locked for this transaction where the database locks rows. */
    private record Picked(String id, String taskId, boolean running, long subAppId) {
    }

    /** One try: nothing due, a claim, or a task that another claim took first (try again). */
    private record Try(Optional<TaskQueue.Claim> claim, boolean lostRace) {
    }

    Optional<TaskQueue.Claim> claim(String owner, long leaseMillis) {
        for (int tries = 0; tries < TRIES; tries++) {
            Try attempt = jdbi.inTransaction(h -> claimOnce(h, owner, leaseMillis));
            if (!attempt.lostRace()) {
                return attempt.claim();
            }
        }
        return Optional.empty();
    }

    private Try claimOnce(Handle h, String owner, long leaseMillis) {
        long now = clock.millis();
        Optional<Picked> picked = pick(h, now);
        if (picked.isEmpty()) {
            return new Try(Optional.empty(), false);
        }
        if (!take(h, picked.get().id(), owner, now, now + leaseMillis)) {
            return new Try(Optional.empty(), true);
        }
        TaskFlow flow = SqlFlowRows.flow(h, picked.get().taskId()).orElseThrow();
        FlowTask task = flow.tasks().stream().filter(t -> t.id().equals(picked.get().id())).findFirst().orElseThrow();
        changes.afterClaim(h, flow, task);
        recordTurn(h, picked.get().subAppId(), now);
        return new Try(Optional.of(new TaskQueue.Claim(task, flow.fileId(), flow.subAppId(), picked.get().running(), flow.traceId())),
                false);
    }

    private Optional<Picked> pick(Handle h, long now) {
        return h.createQuery(NEXT + dialect.lockSkippingLocked("t"))
                .bind("now", now)
                .map((rs, ctx) -> new Picked(rs.getString(1), rs.getString(2), rs.getString(3).equals("PROCESSING"), rs.getLong(4)))
                .findOne();
    }

    private static boolean take(Handle h, String id, String owner, long now, long until) {
        return h.createUpdate("UPDATE flow_tasks SET status = 'PROCESSING', lease_owner = :owner, lease_until = :until, "
                        + "attempts = attempts + 1, begin_time = COALESCE(begin_time, :now) WHERE id = :id AND " + STILL_DUE)
                .bind("owner", owner)
                .bind("until", until)
                .bind("now", now)
                .bind("id", id)
                .execute() == 1;
    }

    /** The application was served at {@code now}; last, so the turn's row is locked only until the commit. */
    private static void recordTurn(Handle h, long subAppId, long now) {
        h.createUpdate("INSERT INTO flow_app_turns (sub_app_id, last_claim_at) VALUES (:app, :now) "
                        + "ON CONFLICT (sub_app_id) DO UPDATE SET last_claim_at = excluded.last_claim_at")
                .bind("app", subAppId)
                .bind("now", now)
                .execute();
    }
}
