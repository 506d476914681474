package io.openvod.platform.flow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Claims due tasks ({@link TaskQueue#claim}): one query picks the task whose turn it is and
 * locks it ({@link SqlDialect#lockSkippingLocked}: on PostgreSQL, nodes claiming at once skip
 * each other's rows instead of waiting for them), then the task takes the lease, and the
 * application's turn ({@code flow_app_turns}) is recorded with an upsert, which two nodes may run
 * for the same application at once. The companions the domain names ({@link TaskQueue.Companions})
 * are taken in the same transaction, each only if it is still due and, on PostgreSQL, not locked
 * by another claim ({@code SKIP LOCKED} again).
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

    Optional<TaskQueue.Claim> claim(String owner, long leaseMillis, TaskQueue.Companions companions) {
        for (int tries = 0; tries < TRIES; tries++) {
            Try attempt = jdbi.inTransaction(h -> claimOnce(h, owner, leaseMillis, companions));
            if (!attempt.lostRace()) {
                return attempt.claim();
            }
        }
        return Optional.empty();
    }

    private Try claimOnce(Handle h, String owner, long leaseMillis, TaskQueue.Companions companions) {
        long now = clock.millis();
        Optional<Picked> picked = pick(h, now);
        if (picked.isEmpty()) {
            return new Try(Optional.empty(), false);
        }
        if (!take(h, picked.get().id(), owner, now, now + leaseMillis)) {
            return new Try(Optional.empty(), true);
        }
        String taskId = picked.get().taskId();
        TaskFlow flow = SqlFlowRows.flow(h, taskId).orElseThrow();
        FlowTask task = find(flow, picked.get().id());
        List<String> taken = takeCompanions(h, companions.of(task, flow), task, owner, now, now + leaseMillis);
        if (!taken.isEmpty()) {
            flow = SqlFlowRows.flow(h, taskId).orElseThrow();
        }
        TaskFlow claimed = flow;
        List<FlowTask> together = claimed.tasks().stream().filter(t -> taken.contains(t.id())).toList();
        changes.afterClaim(h, claimed, find(claimed, task.id()));
        together.forEach(t -> changes.afterClaim(h, claimed, t));
        recordTurn(h, picked.get().subAppId(), now);
        return new Try(Optional.of(new TaskQueue.Claim(find(claimed, task.id()), claimed.fileId(), claimed.subAppId(),
                picked.get().running(), claimed.traceId(), together)), false);
    }

    /** Takes those of {@code wanted} that are other tasks of {@code task}'s flow, still due and not held by another claim; their ids. */
    private List<String> takeCompanions(Handle h, List<FlowTask> wanted, FlowTask task, String owner, long now, long until) {
        List<String> taken = new ArrayList<>();
        for (FlowTask companion : wanted) {
            if (companion.taskId().equals(task.taskId()) && !companion.id().equals(task.id()) && !taken.contains(companion.id())
                    && lockIfDue(h, companion.id(), now) && take(h, companion.id(), owner, now, until)) {
                taken.add(companion.id());
            }
        }
        return taken;
    }

    private static FlowTask find(TaskFlow flow, String id) {
        return flow.tasks().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * Whether task {@code id} is due, locking it where the database locks rows; a task another
     * claim holds is skipped rather than waited for (two claims taking each other's companions
     * would otherwise wait for each other).
     */
    private boolean lockIfDue(Handle h, String id, long now) {
        return h.createQuery("SELECT t.id FROM flow_tasks t WHERE t.id = :id AND " + DUE + dialect.lockSkippingLocked("t"))
                .bind("id", id)
                .bind("now", now)
                .mapTo(String.class)
                .findOne()
                .isPresent();
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
