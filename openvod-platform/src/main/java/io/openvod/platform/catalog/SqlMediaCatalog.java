package io.openvod.platform.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link MediaCatalog} in the platform database. Every event is written to the outbox with the next
 * sequence number of its FileId ({@link SqlOutbox}) and routed by the {@link EventRouter} in the
 * same transaction.
 */
public final class SqlMediaCatalog implements MediaCatalog {
    private static final String MEDIA_COLUMNS = "file_id, app_id, sub_app_id, name, description, type, class_id, bucket, "
            + "storage_region, media_key, media_url, cover_key, cover_url, source_context, size, metadata, probe_error, status, "
            + "expire_at, created_at, updated_at";
    /** The traces of the session that uploaded a media file (not a cover's); the condition on {@code s.file_id} follows. */
    private static final String UPLOAD_TRACE = "SELECT MIN(s.trace_id) FROM upload_sessions s "
            + "WHERE s.target_file_id IS NULL AND s.trace_id IS NOT NULL AND";

    private final Jdbi jdbi;
    private final EventRouter routing;
    private final Clock clock;

    /** @param routing records each event's delivery in the event's transaction */
    public SqlMediaCatalog(Jdbi jdbi, EventRouter routing, Clock clock) {
        this.jdbi = jdbi;
        this.routing = routing;
        this.clock = clock;
    }

    @Override
    public void recordUpload(Media m, OutboxEvent event, List<FlowRequest> flows, String sessionHash) {
        jdbi.useTransaction(h -> {
            closeSession(h, sessionHash);
            h.createUpdate("INSERT INTO media (" + MEDIA_COLUMNS + ") VALUES (:fileId, :appId, :subAppId, :name, :description, "
                            + ":type, :classId, :bucket, :region, :mediaKey, :mediaUrl, :coverKey, :coverUrl, :source, :size, "
                            + ":metadata, :probeError, :status, :expireAt, :created, :updated)")
                    .bind("fileId", m.fileId())
                    .bind("appId", m.appId())
                    .bind("subAppId", m.subAppId())
                    .bind("name", m.name())
                    .bind("description", m.description())
                    .bind("type", m.type())
                    .bind("classId", m.classId())
                    .bind("bucket", m.bucket())
                    .bind("region", m.storageRegion())
                    .bind("mediaKey", m.mediaKey())
                    .bind("mediaUrl", m.mediaUrl())
                    .bind("coverKey", m.coverKey().orElse(null))
                    .bind("coverUrl", m.coverUrl())
                    .bind("source", m.sourceContext())
                    .bind("size", m.size())
                    .bind("metadata", m.metadataJson().orElse(null))
                    .bind("probeError", m.probeError().orElse(null))
                    .bind("status", m.status())
                    .bind("expireAt", m.expireAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("created", m.createdAt().toEpochMilli())
                    .bind("updated", m.updatedAt().toEpochMilli())
                    .execute();
            appendEvent(h, event);
            flows.forEach(f -> insertFlow(h, f));
        });
    }

    /**
     * Records a task flow to run on existing media ({@code ProcessMedia}, {@code ProcessMediaByProcedure})
     * in the caller's transaction.
     *
     * @return false, with nothing written, when the request's SessionId was used by the same
     *     application within {@code sessionWindow}
     */
    public boolean requestFlow(Handle h, FlowRequest request, Duration sessionWindow) {
        if (request.sessionId().isPresent()) {
            long now = clock.millis();
            // Takes the SessionId when it is new or its window has passed; two nodes racing for one SessionId
            // meet on its row, and only the first changes it.
            int taken = h.createUpdate("INSERT INTO flow_sessions (sub_app_id, session_id, started_at) VALUES (:subAppId, :sessionId, :now) "
                            + "ON CONFLICT (sub_app_id, session_id) DO UPDATE SET started_at = excluded.started_at "
                            + "WHERE flow_sessions.started_at <= :since")
                    .bind("subAppId", request.subAppId())
                    .bind("sessionId", request.sessionId().get())
                    .bind("now", now)
                    .bind("since", now - sessionWindow.toMillis())
                    .execute();
            if (taken == 0) {
                return false;
            }
        }
        insertFlow(h, request);
        return true;
    }

    @Override
    public boolean setStatus(String fileId, long subAppId, String status) {
        return jdbi.withHandle(h -> setStatus(h, fileId, subAppId, status));
    }

    /** {@link #setStatus(String, long, String)} in the caller's transaction. */
    public boolean setStatus(Handle h, String fileId, long subAppId, String status) {
        return h.createUpdate("UPDATE media SET status = :status, updated_at = :at WHERE file_id = :fileId AND sub_app_id = :subAppId")
                .bind("status", status)
                .bind("at", clock.millis())
                .bind("fileId", fileId)
                .bind("subAppId", subAppId)
                .execute() == 1;
    }

    private void insertFlow(Handle h, FlowRequest f) {
        h.createUpdate("INSERT INTO flow_requests (task_id, file_id, app_id, sub_app_id, procedure_name, task_priority, "
                        + "task_notify_mode, session_context, state, created_at, media_process_task, ai_content_review_task, "
                        + "session_id, review_audio_video_task) VALUES (:taskId, :fileId, :appId, :subAppId, :procedure, :priority, "
                        + ":notify, :context, 'PENDING', :at, :media, :review, :sessionId, :reviewAudioVideo)")
                .bind("taskId", f.taskId())
                .bind("fileId", f.fileId())
                .bind("appId", f.appId())
                .bind("subAppId", f.subAppId())
                .bind("procedure", f.procedure())
                .bind("priority", f.taskPriority())
                .bind("notify", f.notifyMode())
                .bind("context", f.sessionContext())
                .bind("at", clock.millis())
                .bind("media", f.adHoc().flatMap(FlowRequest.AdHocTasks::mediaProcessTask).orElse(null))
                .bind("review", f.adHoc().flatMap(FlowRequest.AdHocTasks::aiContentReviewTask).orElse(null))
                .bind("sessionId", f.sessionId().orElse(null))
                .bind("reviewAudioVideo", f.adHoc().flatMap(FlowRequest.AdHocTasks::reviewAudioVideoTask).orElse(null))
                .execute();
    }

    @Override
    public Media replaceCover(String fileId, long subAppId, String coverKey, String coverUrl, String sessionHash,
                              Function<Media, OutboxEvent> event) {
        return jdbi.inTransaction(h -> {
            closeSession(h, sessionHash);
            int updated = h.createUpdate("UPDATE media SET cover_key = :key, cover_url = :url, updated_at = :at "
                            + "WHERE file_id = :fileId AND sub_app_id = :subAppId")
                    .bind("key", coverKey)
                    .bind("url", coverUrl)
                    .bind("at", clock.millis())
                    .bind("fileId", fileId)
                    .bind("subAppId", subAppId)
                    .execute();
            if (updated != 1) {
                throw new MediaGoneException("media " + fileId + " no longer exists");
            }
            Media media = h.createQuery("SELECT " + MEDIA_COLUMNS + " FROM media WHERE file_id = :fileId")
                    .bind("fileId", fileId)
                    .map((rs, ctx) -> media(rs))
                    .one();
            appendEvent(h, event.apply(media));
            return media;
        });
    }

    @Override
    public void recordEvent(OutboxEvent event) {
        jdbi.useTransaction(h -> appendEvent(h, event));
    }

    @Override
    public Optional<Media> delete(String fileId, long subAppId, OutboxEvent event) {
        return jdbi.inTransaction(h -> {
            Optional<Media> row = h.createQuery("SELECT " + MEDIA_COLUMNS + " FROM media WHERE file_id = :fileId AND sub_app_id = :subAppId")
                    .bind("fileId", fileId)
                    .bind("subAppId", subAppId)
                    .map((rs, ctx) -> media(rs))
                    .findOne();
            if (row.isEmpty()) {
                return row;
            }
            int deleted = h.createUpdate("DELETE FROM media WHERE file_id = :fileId AND sub_app_id = :subAppId")
                    .bind("fileId", fileId)
                    .bind("subAppId", subAppId)
                    .execute();
            if (deleted != 1) {
                return Optional.<Media>empty();
            }
            appendEvent(h, event);
            return row;
        });
    }

    private void closeSession(Handle h, String sessionHash) {
        int closed = h.createUpdate("UPDATE upload_sessions SET state = 'COMMITTED', committed_at = :at "
                        + "WHERE session_hash = :hash AND state = 'APPLIED'")
                .bind("at", clock.millis())
                .bind("hash", sessionHash)
                .execute();
        if (closed != 1) {
            throw new CatalogConflictException("the upload session is not open");
        }
        h.createUpdate("DELETE FROM temp_credentials WHERE session_hash = :hash").bind("hash", sessionHash).execute();
    }

    /**
     * Writes {@code e} to the outbox and routes it, in the caller's transaction {@code h} (the
     * task-flow engine writes its events this way, with the change they report). {@code h} must
     * be the handle that this catalog's {@link Jdbi} holds open on the calling thread
     * ({@code jdbi.inTransaction}), so that the routing joins the transaction.
     *
     * @throws IllegalStateException when {@code h} is another handle
     */
    public void appendEvent(Handle h, OutboxEvent e) {
        long now = clock.millis();
        SqlOutbox.append(h, e, now);
        jdbi.useHandle(current -> {
            if (current != h) {
                throw new IllegalStateException("appendEvent runs in a transaction of the catalog's own Jdbi");
            }
            routing.route(e, now);
        });
    }

    @Override
    public Optional<Media> find(String fileId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + MEDIA_COLUMNS + " FROM media WHERE file_id = :fileId")
                .bind("fileId", fileId)
                .map((rs, ctx) -> media(rs))
                .findOne());
    }

    @Override
    public List<Media> list(long subAppId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + MEDIA_COLUMNS + " FROM media WHERE sub_app_id = :subAppId "
                        + "ORDER BY created_at DESC, file_id DESC LIMIT :limit")
                .bind("subAppId", subAppId)
                .bind("limit", limit)
                .map((rs, ctx) -> media(rs))
                .list());
    }

    @Override
    public List<StoredEvent> events(String fileId) {
        return jdbi.withHandle(h -> SqlOutbox.events(h, fileId));
    }

    @Override
    public List<FlowRequest> pendingFlows(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT r.task_id, r.file_id, r.app_id, r.sub_app_id, r.procedure_name, "
                        + "r.task_priority, r.task_notify_mode, r.session_context, r.media_process_task, r.ai_content_review_task, "
                        + "r.session_id, r.review_audio_video_task, (" + UPLOAD_TRACE + " s.file_id = r.file_id) "
                        + "FROM flow_requests r WHERE r.state = 'PENDING' ORDER BY r.task_priority DESC, r.created_at LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    Optional<String> media = Optional.ofNullable(rs.getString(9));
                    Optional<String> review = Optional.ofNullable(rs.getString(10));
                    Optional<String> reviewAudioVideo = Optional.ofNullable(rs.getString(12));
                    Optional<FlowRequest.AdHocTasks> adHoc = media.isPresent() || review.isPresent() || reviewAudioVideo.isPresent()
                            ? Optional.of(new FlowRequest.AdHocTasks(media, review, reviewAudioVideo)) : Optional.empty();
                    return new FlowRequest(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7), rs.getString(8), adHoc, Optional.ofNullable(rs.getString(11)),
                            Optional.ofNullable(rs.getString(13)));
                })
                .list());
    }

    @Override
    public Optional<String> uploadTrace(String fileId) {
        return jdbi.withHandle(h -> h.createQuery(UPLOAD_TRACE + " s.file_id = :fileId")
                .bind("fileId", fileId)
                .mapTo(String.class)
                .list())
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static Media media(ResultSet rs) throws SQLException {
        long expire = rs.getLong(19);
        Optional<Instant> expireAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(expire));
        return new Media(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                Optional.ofNullable(rs.getString(12)), rs.getString(13), rs.getString(14), rs.getLong(15),
                Optional.ofNullable(rs.getString(16)), Optional.ofNullable(rs.getString(17)), rs.getString(18), expireAt,
                Instant.ofEpochMilli(rs.getLong(20)), Instant.ofEpochMilli(rs.getLong(21)));
    }
}
