package io.openvod.platform.flow;

import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.SqlMediaCatalog;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.events.EventRouting;
import io.openvod.platform.events.SqlDeliveryLog;
import io.openvod.platform.events.SqlEventConfigs;
import io.openvod.platform.sql.PlatformDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One platform node's task queue for the contract tests: its own connection pool on the database
 * at a JDBC URL (migrated when opened), its own {@link SqlTaskQueue} and templates. Several nodes
 * on one URL share the rows, as the nodes of a cluster do.
 */
final class QueueNode implements AutoCloseable {
    final PlatformDatabase database;
    final SqlMediaCatalog catalog;
    final Procedures procedures;
    final TaskQueue queue;

    QueueNode(String url, Clock clock) {
        this.database = PlatformDatabase.open(url);
        var jdbi = database.jdbi();
        this.catalog = new SqlMediaCatalog(jdbi, new EventRouting(new SqlEventConfigs(jdbi, EventConfig.defaultsOf(EventsConfig.defaults(), 0), clock),
                new SqlDeliveryLog(jdbi, clock)), clock);
        this.procedures = new Procedures(ProcedureTemplates.builtIn(), new SqlProcedureTemplateStore(jdbi), clock);
        this.queue = new SqlTaskQueue(jdbi, catalog, procedures, clock);
    }

    /** A media row of application {@code subAppId} (what the tasks run on), in bucket {@code bucket}. */
    void addMedia(String fileId, long subAppId, String bucket) {
        database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO media (file_id, app_id, sub_app_id, name, description, type, class_id, "
                        + "bucket, storage_region, media_key, media_url, cover_url, source_context, size, status, created_at, updated_at) "
                        + "VALUES (:fileId, :app, :app, 'clip', '', 'mp4', 0, :bucket, 'ap-guangzhou', 'clip.mp4', 'http://media/clip.mp4', "
                        + "'', '', 1, 'Normal', 0, 0)")
                .bind("fileId", fileId)
                .bind("app", subAppId)
                .bind("bucket", bucket)
                .execute());
    }

    /** Records a flow of {@code procedure} as an upload does (PENDING until a node starts it); returns its TaskId. */
    String request(long subAppId, String fileId, String procedure, int priority, String notifyMode) {
        FlowRequest request = flow(subAppId, fileId, procedure, priority, notifyMode);
        database.jdbi().useTransaction(h -> catalog.requestFlow(h, request, Duration.ZERO));
        return request.taskId();
    }

    /** Records and starts a flow of {@code procedure} at once; returns its TaskId. */
    String submit(long subAppId, String fileId, String procedure, int priority, String notifyMode) {
        FlowRequest request = flow(subAppId, fileId, procedure, priority, notifyMode);
        if (!queue.submit(List.of(request), Duration.ZERO)) {
            throw new AssertionError("flow " + request.taskId() + " not submitted");
        }
        return request.taskId();
    }

    static FlowRequest flow(long subAppId, String fileId, String procedure, int priority, String notifyMode) {
        return new FlowRequest(FlowRequest.newTaskId(subAppId), fileId, subAppId, subAppId, procedure, priority, notifyMode, "");
    }

    /** The event types written for {@code fileId}, in order. */
    List<String> eventTypes(String fileId) {
        return catalog.events(fileId).stream().map(StoredEvent::event).map(e -> e.eventType()).toList();
    }

    @Override
    public void close() {
        database.close();
    }
}
