package io.openvod.platform.flow;

import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.SqlMediaCatalog;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What follows a change of a task, in the transaction of the change: the flow finishes when its
 * last task is done, the events {@link FlowEvents} asks for are written, and a success's
 * {@link MediaChange} is applied to the flow's media.
 */
final class SqlFlowChanges {
    private final SqlMediaCatalog catalog;

    SqlFlowChanges(SqlMediaCatalog catalog) {
        this.catalog = catalog;
    }

    /** Writes the event of a claimed task's first attempt, if its flow reports it (in the flow's trace: no step runs yet). */
    void afterClaim(Handle h, TaskFlow flow, FlowTask claimed) {
        FlowEvents.afterClaim(flow, claimed, () -> SqlFlowRows.mediaFields(h, flow.fileId())).ifPresent(e -> catalog.appendEvent(h, e));
    }

    /**
     * Finishes flow {@code taskId} when none of its tasks is waiting or running, and writes its
     * event. The flow's row is updated first: that locks it, so when two tasks of a flow end at once
     * on PostgreSQL, the second waits for the first and sees it done (one of them finishes the flow).
     *
     * @param writer the step that ended the task, whose position the event carries; empty: the flow's trace
     */
    void afterTaskDone(Handle h, String taskId, long now, Optional<TraceParent> writer) {
        h.createUpdate("UPDATE task_flows SET updated_at = :now WHERE task_id = :id").bind("now", now).bind("id", taskId).execute();
        TaskFlow flow = SqlFlowRows.flow(h, taskId).orElseThrow();
        if (FlowEvents.allDone(flow)) {
            h.createUpdate("UPDATE task_flows SET status = 'FINISH', finished_at = :now WHERE task_id = :id")
                    .bind("now", now)
                    .bind("id", taskId)
                    .execute();
            h.createUpdate("UPDATE flow_requests SET state = 'FINISHED' WHERE task_id = :id").bind("id", taskId).execute();
            flow = SqlFlowRows.flow(h, taskId).orElseThrow();
        }
        TaskFlow changed = flow;
        FlowEvents.afterTaskDone(changed, () -> SqlFlowRows.mediaFields(h, changed.fileId()), writer)
                .ifPresent(e -> catalog.appendEvent(h, e));
    }

    /** Applies {@code change} to the media of flow {@code taskId} (nothing when the media is gone). */
    void apply(Handle h, String taskId, MediaChange change, long now) {
        if (change.equals(MediaChange.NONE)) {
            return;
        }
        record Owner(String fileId, long subAppId) {
        }
        Owner media = h.createQuery("SELECT file_id, sub_app_id FROM task_flows WHERE task_id = :id")
                .bind("id", taskId)
                .map((rs, ctx) -> new Owner(rs.getString(1), rs.getLong(2)))
                .one();
        change.cover().ifPresent(cover -> h.createUpdate("UPDATE media SET cover_key = :key, cover_url = :url, updated_at = :now "
                        + "WHERE file_id = :fileId")
                .bind("key", cover.key().orElse(null))
                .bind("url", cover.url())
                .bind("now", now)
                .bind("fileId", media.fileId())
                .execute());
        if (change.forbid()) {
            catalog.setStatus(h, media.fileId(), media.subAppId(), Media.FORBIDDEN);
        }
    }
}
