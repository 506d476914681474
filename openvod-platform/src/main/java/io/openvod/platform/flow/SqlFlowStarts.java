package io.openvod.platform.flow;

import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.SqlMediaCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Starts requested flows: a {@code flow_requests} row becomes a {@code task_flows} row with its
 * {@code flow_tasks} ({@link Procedures#tasks(FlowRequest)} tells which), all waiting, in the
 * request's trace ({@code task_flows.trace_id}). Only one node starts a request: the others find it
 * no longer {@code PENDING}.
 */
final class SqlFlowStarts {
    private final Jdbi jdbi;
    private final SqlMediaCatalog catalog;
    private final Procedures procedures;
    private final SqlFlowChanges changes;
    private final Clock clock;

    SqlFlowStarts(Jdbi jdbi, SqlMediaCatalog catalog, Procedures procedures, SqlFlowChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.procedures = procedures;
        this.changes = changes;
        this.clock = clock;
    }

    int startPending(int limit) {
        int started = 0;
        for (FlowRequest request : catalog.pendingFlows(limit)) {
            List<ProcedureTemplates.TaskSpec> tasks = procedures.tasks(request);
            if (jdbi.inTransaction(h -> start(h, request, tasks))) {
                started++;
            }
        }
        return started;
    }

    boolean submit(List<FlowRequest> requests, Duration sessionWindow) {
        if (requests.isEmpty()) {
            return false;
        }
        List<List<ProcedureTemplates.TaskSpec>> tasks = requests.stream().map(procedures::tasks).toList();
        return jdbi.inTransaction(h -> {
            if (!catalog.requestFlow(h, requests.getFirst(), sessionWindow)) {
                return false;
            }
            start(h, requests.getFirst(), tasks.getFirst());
            for (int i = 1; i < requests.size(); i++) {
                catalog.requestFlow(h, requests.get(i), Duration.ZERO);
                start(h, requests.get(i), tasks.get(i));
            }
            return true;
        });
    }

    private boolean start(Handle h, FlowRequest r, List<ProcedureTemplates.TaskSpec> tasks) {
        long now = clock.millis();
        int taken = h.createUpdate("UPDATE flow_requests SET state = 'RUNNING' WHERE task_id = :id AND state = 'PENDING'")
                .bind("id", r.taskId())
                .execute();
        if (taken != 1) {
            return false;
        }
        insertFlow(h, r, now);
        for (int i = 0; i < tasks.size(); i++) {
            insertTask(h, r, i, tasks.get(i), now);
        }
        if (tasks.isEmpty()) {
            changes.afterTaskDone(h, r.taskId(), now, Optional.empty());
        }
        return true;
    }

    /** The notify mode a flow runs with: the one its request named, or Finish. */
    static String effectiveMode(String named) {
        return switch (named) {
            case "Change", "None" -> named;
            default -> "Finish";
        };
    }

    private static void insertFlow(Handle h, FlowRequest r, long now) {
        String mode = effectiveMode(r.notifyMode());
        h.createUpdate("INSERT INTO task_flows (task_id, file_id, app_id, sub_app_id, procedure_name, priority, notify_mode, "
                        + "session_context, session_id, status, created_at, updated_at, trace_id) VALUES (:id, :fileId, :appId, :subAppId, "
                        + ":procedure, :priority, :mode, :context, :sessionId, 'PROCESSING', :now, :now, :trace)")
                .bind("id", r.taskId())
                .bind("fileId", r.fileId())
                .bind("appId", r.appId())
                .bind("subAppId", r.subAppId())
                .bind("procedure", r.procedure())
                .bind("priority", r.taskPriority())
                .bind("mode", mode)
                .bind("context", r.sessionContext())
                .bind("sessionId", r.sessionId().orElse(""))
                .bind("now", now)
                .bind("trace", r.traceId().orElse(null))
                .execute();
    }

    private static void insertTask(Handle h, FlowRequest r, int position, ProcedureTemplates.TaskSpec task, long now) {
        h.createUpdate("INSERT INTO flow_tasks (id, task_id, position, type, input, priority, status, progress, attempts, "
                        + "err_code_ext, message, next_attempt_at, created_at) VALUES (:id, :taskId, :position, :type, :input, "
                        + ":priority, 'WAITING', 0, 0, '', '', :now, :now)")
                .bind("id", r.taskId() + "-" + position)
                .bind("taskId", r.taskId())
                .bind("position", position)
                .bind("type", task.type())
                .bind("input", ProcedureEvents.text(task.input()))
                .bind("priority", r.taskPriority())
                .bind("now", now)
                .execute();
    }
}
