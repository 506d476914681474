package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.TimeOrderedIds;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.catalog.SqlMediaCatalog;
import io.openvod.platform.ugc.StorageLayout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored task flows and their queue of tasks. Every state change is one transaction that
 * also writes the events it causes: a flow that finishes writes its {@code ProcedureStateChanged}
 * (unless its notify mode is {@code None}); in {@code Change} mode each task that starts, succeeds
 * or fails writes a {@code PROCESSING} snapshot. A CoverBySnapshot that succeeds sets the media's
 * cover in the same transaction, and a content review (legacy or ReviewAudioVideo) whose
 * {@code Suggestion} is {@code block} marks the media {@code Forbidden} in the same transaction.
 * A ReviewAudioVideo task (a flow of one {@code ReviewAudioVideo} task) writes
 * {@code ReviewAudioVideoComplete} when it finishes instead of {@code ProcedureStateChanged}.
 */
public final class SqlTaskFlows {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK_COLUMNS = "id, task_id, position, type, input, priority, status, progress, attempts, "
            + "err_code_ext, message, output, begin_time, finish_time";
    private static final String DUE = "((status = 'WAITING' AND next_attempt_at <= :now) OR (status = 'PROCESSING' AND lease_until < :now))";
    private static final String DUE_T = "((t.status = 'WAITING' AND t.next_attempt_at <= :now) "
            + "OR (t.status = 'PROCESSING' AND t.lease_until < :now))";
    /**
     * The application whose turn it is: of those with a due task, the one with the fewest tasks
     * running, then the one served longest ago ({@code flow_app_turns}), then the one with the
     * oldest due task.
     */
    private static final String NEXT_APP = "SELECT f.sub_app_id FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id WHERE "
            + DUE_T + " GROUP BY f.sub_app_id ORDER BY "
            + "(SELECT COUNT(*) FROM flow_tasks r JOIN task_flows rf ON rf.task_id = r.task_id WHERE r.status = 'PROCESSING' "
            + "AND r.lease_until >= :now AND rf.sub_app_id = f.sub_app_id), "
            + "COALESCE((SELECT a.last_claim_at FROM flow_app_turns a WHERE a.sub_app_id = f.sub_app_id), 0), "
            + "MIN(t.created_at), f.sub_app_id LIMIT 1";

    private final Jdbi jdbi;
    private final SqlMediaCatalog catalog;
    private final SqlProcedureTemplates templates;
    private final StorageLayout layout;
    private final Clock clock;

    public SqlTaskFlows(Jdbi jdbi, SqlMediaCatalog catalog, SqlProcedureTemplates templates, StorageLayout layout, Clock clock) {
        this.jdbi = jdbi;
        this.catalog = catalog;
        this.templates = templates;
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * A claimed task with what its worker needs to know of the flow.
     *
     * @param abandoned whether the task was taken from a worker whose lease ran out (it died)
     */
    public record Claim(FlowTask task, String fileId, long subAppId, boolean abandoned) {
    }

    /** Turns up to {@code limit} requested flows into flows with their tasks; returns how many. */
    public int startPending(int limit) {
        int started = 0;
        for (FlowRequest request : catalog.pendingFlows(limit)) {
            if (start(request)) {
                started++;
            }
        }
        return started;
    }

    /**
     * Records the flow {@code request} on existing media and starts it at once, in one
     * transaction ({@code ProcessMedia}, {@code ProcessMediaByProcedure}).
     *
     * @return false, with nothing written, when the request's SessionId was used by the same
     *     application within {@code sessionWindow}
     */
    public boolean submit(FlowRequest request, Duration sessionWindow) {
        return submit(List.of(request), sessionWindow);
    }

    /**
     * Records and starts the flows {@code requests} (a Procedure flow and a ReviewAudioVideo task of
     * one request, sharing its SessionId) in one transaction; the SessionId is checked once.
     *
     * @return false, with nothing written, when the first request's SessionId was used by the same
     *     application within {@code sessionWindow}
     */
    public boolean submit(List<FlowRequest> requests, Duration sessionWindow) {
        return jdbi.inTransaction(h -> {
            if (requests.isEmpty() || !catalog.requestFlow(h, requests.getFirst(), sessionWindow)) {
                return false;
            }
            start(h, requests.getFirst());
            for (FlowRequest next : requests.subList(1, requests.size())) {
                catalog.requestFlow(h, next, Duration.ZERO);
                start(h, next);
            }
            return true;
        });
    }

    private boolean start(FlowRequest r) {
        return jdbi.inTransaction(h -> start(h, r));
    }

    private boolean start(Handle h, FlowRequest r) {
        long now = clock.millis();
        int taken = h.createUpdate("UPDATE flow_requests SET state = 'RUNNING' WHERE task_id = :id AND state = 'PENDING'")
                .bind("id", r.taskId())
                .execute();
        if (taken != 1) {
            return false;
        }
        String mode = switch (r.notifyMode()) {
            case "Change", "None" -> r.notifyMode();
            default -> "Finish";
        };
        h.createUpdate("INSERT INTO task_flows (task_id, file_id, app_id, sub_app_id, procedure_name, priority, notify_mode, "
                        + "session_context, session_id, status, created_at, updated_at) VALUES (:id, :fileId, :appId, :subAppId, "
                        + ":procedure, :priority, :mode, :context, :sessionId, 'PROCESSING', :now, :now)")
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
                .execute();
        List<ProcedureTemplates.TaskSpec> specs = r.adHoc().isPresent() ? adHocTasks(r.adHoc().get())
                : templates.tasks(h, r.subAppId(), r.procedure()).orElse(List.of());
        for (int i = 0; i < specs.size(); i++) {
            h.createUpdate("INSERT INTO flow_tasks (id, task_id, position, type, input, priority, status, progress, attempts, "
                            + "err_code_ext, message, next_attempt_at, created_at) VALUES (:id, :taskId, :position, :type, :input, "
                            + ":priority, 'WAITING', 0, 0, '', '', :now, :now)")
                    .bind("id", r.taskId() + "-" + i)
                    .bind("taskId", r.taskId())
                    .bind("position", i)
                    .bind("type", specs.get(i).type())
                    .bind("input", ProcedureEvents.text(specs.get(i).input()))
                    .bind("priority", r.taskPriority())
                    .bind("now", now)
                    .execute();
        }
        if (specs.isEmpty()) {
            afterTaskChange(h, r.taskId(), now);
        }
        return true;
    }

    /**
     * Claims a due task for {@code owner} until {@code now + leaseMillis}: a waiting task whose time
     * has come, or a running one whose lease ran out (its worker died). Applications take turns
     * (the one with the fewest running tasks, then the one served longest ago); within the
     * application it is the highest-priority task, oldest first.
     */
    public Optional<Claim> claim(String owner, long leaseMillis) {
        for (int tries = 0; tries < 5; tries++) {
            Optional<Claim> claim = jdbi.inTransaction(h -> {
                long now = clock.millis();
                Optional<Long> app = h.createQuery(NEXT_APP).bind("now", now).mapTo(Long.class).findOne();
                if (app.isEmpty()) {
                    return Optional.<Claim>empty();
                }
                Optional<String> id = h.createQuery("SELECT t.id FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id WHERE "
                                + DUE_T + " AND f.sub_app_id = :app ORDER BY t.priority DESC, t.next_attempt_at, t.created_at, t.position "
                                + "LIMIT 1")
                        .bind("now", now)
                        .bind("app", app.get())
                        .mapTo(String.class)
                        .findOne();
                if (id.isEmpty()) {
                    return null;
                }
                boolean wasRunning = h.createQuery("SELECT status FROM flow_tasks WHERE id = :id").bind("id", id.get())
                        .mapTo(String.class).one().equals("PROCESSING");
                int taken = h.createUpdate("UPDATE flow_tasks SET status = 'PROCESSING', lease_owner = :owner, lease_until = :until, "
                                + "attempts = attempts + 1, begin_time = COALESCE(begin_time, :now) WHERE id = :id AND " + DUE)
                        .bind("owner", owner)
                        .bind("until", now + leaseMillis)
                        .bind("now", now)
                        .bind("id", id.get())
                        .execute();
                if (taken != 1) {
                    return null;
                }
                int turned = h.createUpdate("UPDATE flow_app_turns SET last_claim_at = :now WHERE sub_app_id = :app")
                        .bind("now", now)
                        .bind("app", app.get())
                        .execute();
                if (turned == 0) {
                    h.createUpdate("INSERT INTO flow_app_turns (sub_app_id, last_claim_at) VALUES (:app, :now)")
                            .bind("now", now)
                            .bind("app", app.get())
                            .execute();
                }
                FlowTask task = task(h, id.get());
                boolean abandoned = wasRunning;
                record Flow(String fileId, long subAppId, String mode) {
                }
                Flow flow = h.createQuery("SELECT file_id, sub_app_id, notify_mode FROM task_flows WHERE task_id = :id")
                        .bind("id", task.taskId())
                        .map((rs, ctx) -> new Flow(rs.getString(1), rs.getLong(2), rs.getString(3)))
                        .one();
                if (task.attempts() == 1 && flow.mode().equals("Change")) {
                    writeEvent(h, task.taskId());
                }
                return Optional.of(new Claim(task, flow.fileId(), flow.subAppId(), abandoned));
            });
            if (claim != null) {
                return claim;
            }
        }
        return Optional.empty();
    }

    /** Renews the lease of a running task and records its progress; false when the lease is no longer {@code owner}'s. */
    public boolean heartbeat(String id, String owner, int progress, long leaseMillis) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE flow_tasks SET lease_until = :until, progress = :progress "
                        + "WHERE id = :id AND lease_owner = :owner AND status = 'PROCESSING'")
                .bind("until", now + leaseMillis)
                .bind("progress", Math.max(0, Math.min(100, progress)))
                .bind("id", id)
                .bind("owner", owner)
                .execute()) == 1;
    }

    /** Records a task's success with its Output; false (nothing written) when the lease is no longer {@code owner}'s. */
    public boolean succeed(String id, String owner, ObjectNode output) {
        return jdbi.inTransaction(h -> {
            long now = clock.millis();
            int done = h.createUpdate("UPDATE flow_tasks SET status = 'SUCCESS', progress = 100, output = :output, err_code_ext = '', "
                            + "message = '', lease_owner = NULL, lease_until = NULL, finish_time = :now "
                            + "WHERE id = :id AND lease_owner = :owner AND status = 'PROCESSING'")
                    .bind("output", ProcedureEvents.text(output))
                    .bind("now", now)
                    .bind("id", id)
                    .bind("owner", owner)
                    .execute();
            if (done != 1) {
                return false;
            }
            FlowTask task = task(h, id);
            if (task.type().equals("CoverBySnapshot") && output.path("CoverUrl").isTextual()) {
                setCover(h, task.taskId(), output.get("CoverUrl").asText(), now);
            }
            if ((ProcedureTemplate.REVIEW_TYPES.contains(task.type()) || task.type().equals(ReviewAudioVideoEvents.TYPE))
                    && output.path("Suggestion").asText().equals("block")) {
                forbid(h, task.taskId());
            }
            afterTaskChange(h, task.taskId(), now);
            return true;
        });
    }

    /**
     * Records a failed attempt: the task waits until {@code retryAt} for another one, or, with
     * {@code retryAt} empty, is FAIL with {@code errCodeExt} and {@code message}. False when the
     * lease is no longer {@code owner}'s.
     */
    public boolean fail(String id, String owner, String errCodeExt, String message, Optional<Instant> retryAt) {
        return jdbi.inTransaction(h -> {
            long now = clock.millis();
            int done = h.createUpdate("UPDATE flow_tasks SET status = :status, err_code_ext = :code, message = :message, "
                            + "lease_owner = NULL, lease_until = NULL, next_attempt_at = :next, finish_time = :finish "
                            + "WHERE id = :id AND lease_owner = :owner AND status = 'PROCESSING'")
                    .bind("status", retryAt.isPresent() ? "WAITING" : "FAIL")
                    .bind("code", errCodeExt)
                    .bind("message", message == null ? "" : message)
                    .bind("next", retryAt.map(Instant::toEpochMilli).orElse(now))
                    .bind("finish", retryAt.isPresent() ? null : (Long) now)
                    .bind("id", id)
                    .bind("owner", owner)
                    .execute();
            if (done != 1) {
                return false;
            }
            if (retryAt.isEmpty()) {
                afterTaskChange(h, task(h, id).taskId(), now);
            }
            return true;
        });
    }

    /** Gives a running task back to the queue without counting the attempt (the node is stopping). */
    public void release(String id, String owner) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE flow_tasks SET status = 'WAITING', attempts = attempts - 1, lease_owner = NULL, "
                        + "lease_until = NULL WHERE id = :id AND lease_owner = :owner AND status = 'PROCESSING'")
                .bind("id", id)
                .bind("owner", owner)
                .execute());
    }

    /**
     * Runs the failed tasks of flow {@code taskId} again (from a first attempt); the flow is
     * PROCESSING until they are done and then finishes again, with a new event. Returns how many
     * tasks were queued.
     */
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

    /** The flow with its tasks, read in one transaction: a FINISH flow never shows a task still running. */
    public Optional<TaskFlow> find(String taskId) {
        return jdbi.inTransaction(h -> flow(h, taskId));
    }

    /** The Output of one succeeded task. */
    public record TaskOutput(String type, ObjectNode output) {
    }

    /** The Outputs of the succeeded tasks of every flow of the media, in the order they finished. */
    public List<TaskOutput> outputs(String fileId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT t.type, t.output FROM flow_tasks t JOIN task_flows f ON f.task_id = t.task_id "
                        + "WHERE f.file_id = :fileId AND t.status = 'SUCCESS' AND t.output IS NOT NULL ORDER BY t.finish_time, t.id")
                .bind("fileId", fileId)
                .map((rs, ctx) -> new TaskOutput(rs.getString(1), object(rs.getString(2))))
                .list());
    }

    /** The media fields of the flow's events, from the catalog. */
    public ProcedureEvents.MediaFields mediaFields(String fileId) {
        return jdbi.withHandle(h -> mediaFields(h, fileId));
    }

    private void afterTaskChange(Handle h, String taskId, long now) {
        int open = h.createQuery("SELECT COUNT(*) FROM flow_tasks WHERE task_id = :id AND status IN ('WAITING', 'PROCESSING')")
                .bind("id", taskId)
                .mapTo(Integer.class)
                .one();
        String mode = h.createQuery("SELECT notify_mode FROM task_flows WHERE task_id = :id").bind("id", taskId).mapTo(String.class).one();
        if (open == 0) {
            h.createUpdate("UPDATE task_flows SET status = 'FINISH', finished_at = :now, updated_at = :now WHERE task_id = :id")
                    .bind("now", now)
                    .bind("id", taskId)
                    .execute();
            h.createUpdate("UPDATE flow_requests SET state = 'FINISHED' WHERE task_id = :id").bind("id", taskId).execute();
            if (!mode.equals("None")) {
                writeEvent(h, taskId);
            }
        } else {
            h.createUpdate("UPDATE task_flows SET updated_at = :now WHERE task_id = :id").bind("now", now).bind("id", taskId).execute();
            if (mode.equals("Change")) {
                writeEvent(h, taskId);
            }
        }
    }

    private void writeEvent(Handle h, String taskId) {
        TaskFlow flow = flow(h, taskId).orElseThrow();
        if (ReviewAudioVideoEvents.isReview(flow)) {
            if (flow.status().equals("FINISH")) {
                catalog.appendEvent(h, new OutboxEvent(TimeOrderedIds.next(), flow.appId(), flow.subAppId(), flow.fileId(),
                        ReviewAudioVideoEvents.REVIEW_AUDIO_VIDEO_COMPLETE,
                        ProcedureEvents.text(ReviewAudioVideoEvents.reviewAudioVideoComplete(flow))));
            }
            return;
        }
        ObjectNode body = ProcedureEvents.procedureStateChanged(flow, mediaFields(h, flow.fileId()));
        catalog.appendEvent(h, new OutboxEvent(TimeOrderedIds.next(), flow.appId(), flow.subAppId(), flow.fileId(),
                ProcedureEvents.PROCEDURE_STATE_CHANGED, ProcedureEvents.text(body)));
    }

    private void setCover(Handle h, String taskId, String coverUrl, long now) {
        record Row(String fileId, String bucket) {
        }
        Optional<Row> media = h.createQuery("SELECT m.file_id, m.bucket FROM media m JOIN task_flows f ON f.file_id = m.file_id "
                        + "WHERE f.task_id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(2)))
                .findOne();
        if (media.isEmpty()) {
            return;
        }
        String base = layout.url(media.get().bucket(), "");
        String key = coverUrl.startsWith(base) ? coverUrl.substring(base.length()) : null;
        h.createUpdate("UPDATE media SET cover_key = :key, cover_url = :url, updated_at = :now WHERE file_id = :fileId")
                .bind("key", key)
                .bind("url", coverUrl)
                .bind("now", now)
                .bind("fileId", media.get().fileId())
                .execute();
    }

    /** Marks the media of flow {@code taskId} {@link Media#FORBIDDEN}: its review said {@code block}. */
    private void forbid(Handle h, String taskId) {
        record Row(String fileId, long subAppId) {
        }
        h.createQuery("SELECT file_id, sub_app_id FROM task_flows WHERE task_id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2)))
                .findOne()
                .ifPresent(row -> catalog.setStatus(h, row.fileId(), row.subAppId(), Media.FORBIDDEN));
    }

    private static List<ProcedureTemplates.TaskSpec> adHocTasks(FlowRequest.AdHocTasks tasks) {
        if (tasks.reviewAudioVideoTask().isPresent()) {
            return List.of(new ProcedureTemplates.TaskSpec(ReviewAudioVideoEvents.TYPE, object(tasks.reviewAudioVideoTask().get())));
        }
        return new ProcedureTemplate("", "Custom", "", tasks.mediaProcessTask().map(SqlTaskFlows::object),
                tasks.aiContentReviewTask().map(SqlTaskFlows::object), Instant.EPOCH, Instant.EPOCH).tasks();
    }

    private static ProcedureEvents.MediaFields mediaFields(Handle h, String fileId) {
        return h.createQuery("SELECT name, media_url, metadata FROM media WHERE file_id = :fileId")
                .bind("fileId", fileId)
                .map((rs, ctx) -> new ProcedureEvents.MediaFields(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3))))
                .findOne()
                .orElse(new ProcedureEvents.MediaFields("", "", Optional.empty()));
    }

    private static Optional<TaskFlow> flow(Handle h, String taskId) {
        List<FlowTask> tasks = h.createQuery("SELECT " + TASK_COLUMNS + " FROM flow_tasks WHERE task_id = :id ORDER BY position")
                .bind("id", taskId)
                .map((rs, ctx) -> task(rs))
                .list();
        return h.createQuery("SELECT task_id, file_id, app_id, sub_app_id, procedure_name, priority, notify_mode, session_context, "
                        + "session_id, status, created_at, updated_at, finished_at FROM task_flows WHERE task_id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new TaskFlow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        Instant.ofEpochMilli(rs.getLong(11)), Instant.ofEpochMilli(rs.getLong(12)), time(rs, 13), tasks))
                .findOne();
    }

    private static FlowTask task(Handle h, String id) {
        return h.createQuery("SELECT " + TASK_COLUMNS + " FROM flow_tasks WHERE id = :id").bind("id", id).map((rs, ctx) -> task(rs)).one();
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

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("stored task input is not a JSON object", e);
        }
    }
}
