package io.openvod.platform.ugc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link UploadSessions} in the platform database. */
public final class SqlUploadSessions implements UploadSessions {
    private static final String COLUMNS = "s.session_hash, s.file_id, s.app_id, s.sub_app_id, s.secret_id, s.bucket, s.region, "
            + "s.media_key, s.media_name, s.media_type, s.media_size, s.cover_key, s.cover_type, s.cover_size, "
            + "s.target_file_id, s.class_id, s.procedure_name, s.task_priority, s.task_notify_mode, s.source_context, "
            + "s.session_context, s.media_expire_at, s.state, s.created_at, s.expires_at, s.trace_id";

    private final Jdbi jdbi;

    public SqlUploadSessions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean reserveFileId(String fileId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO file_ids (file_id, reserved_at) VALUES (:fileId, :at) "
                        + "ON CONFLICT (file_id) DO NOTHING")
                .bind("fileId", fileId)
                .bind("at", at.toEpochMilli())
                .execute()) == 1;
    }

    @Override
    public void create(UploadSession s, TempCredential credential) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO upload_sessions (session_hash, file_id, app_id, sub_app_id, secret_id, bucket, region, "
                            + "media_key, media_name, media_type, media_size, cover_key, cover_type, cover_size, target_file_id, "
                            + "class_id, procedure_name, task_priority, task_notify_mode, source_context, session_context, "
                            + "media_expire_at, state, created_at, expires_at, trace_id) VALUES (:hash, :fileId, :appId, :subAppId, :secretId, "
                            + ":bucket, :region, :mediaKey, :mediaName, :mediaType, :mediaSize, :coverKey, :coverType, :coverSize, "
                            + ":target, :classId, :procedure, :priority, :notify, :source, :sessionContext, :mediaExpire, "
                            + "'APPLIED', :created, :expires, :trace)")
                    .bind("hash", s.sessionHash())
                    .bind("fileId", s.fileId())
                    .bind("appId", s.appId())
                    .bind("subAppId", s.subAppId())
                    .bind("secretId", s.secretId())
                    .bind("bucket", s.bucket())
                    .bind("region", s.region())
                    .bind("mediaKey", s.mediaKey().orElse(null))
                    .bind("mediaName", s.mediaName())
                    .bind("mediaType", s.mediaType())
                    .bind("mediaSize", s.mediaSize().orElse(null))
                    .bind("coverKey", s.coverKey().orElse(null))
                    .bind("coverType", s.coverType())
                    .bind("coverSize", s.coverSize().orElse(null))
                    .bind("target", s.targetFileId().orElse(null))
                    .bind("classId", s.classId())
                    .bind("procedure", s.procedure().orElse(null))
                    .bind("priority", s.taskPriority())
                    .bind("notify", s.taskNotifyMode().orElse(null))
                    .bind("source", s.sourceContext())
                    .bind("sessionContext", s.sessionContext())
                    .bind("mediaExpire", s.mediaExpireAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("created", s.createdAt().toEpochMilli())
                    .bind("expires", s.expiresAt().toEpochMilli())
                    .bind("trace", s.traceId().orElse(null))
                    .execute();
            insertCredential(h, credential);
        });
    }

    @Override
    public void addCredential(TempCredential credential) {
        jdbi.useHandle(h -> insertCredential(h, credential));
    }

    private static void insertCredential(Handle h, TempCredential c) {
        h.createUpdate("INSERT INTO temp_credentials (secret_id, secret_key, token, session_hash, created_at, expires_at) "
                        + "VALUES (:id, :key, :token, :hash, :created, :expires)")
                .bind("id", c.secretId())
                .bind("key", c.secretKey())
                .bind("token", c.token())
                .bind("hash", c.sessionHash())
                .bind("created", System.currentTimeMillis())
                .bind("expires", c.expiresAt().toEpochMilli())
                .execute();
    }

    @Override
    public Optional<UploadSession> find(String sessionHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM upload_sessions s WHERE s.session_hash = :hash")
                .bind("hash", sessionHash)
                .map((rs, ctx) -> session(rs))
                .findOne());
    }

    @Override
    public Optional<ScopedCredential> credential(String secretId, Instant now) {
        // The session's own end counts too: a credential may outlive its session (one issued late
        // in the session, or a credential validity above the session validity), but an expired
        // session can no longer be committed, and writing to it would only race the sweeper.
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", c.secret_id, c.secret_key, c.token, c.expires_at "
                        + "FROM temp_credentials c JOIN upload_sessions s ON s.session_hash = c.session_hash "
                        + "WHERE c.secret_id = :id AND c.expires_at > :now AND s.state = 'APPLIED' AND s.expires_at > :now")
                .bind("id", secretId)
                .bind("now", now.toEpochMilli())
                .map((rs, ctx) -> {
                    UploadSession session = session(rs);
                    TempCredential credential = new TempCredential(rs.getString(27), rs.getString(28), rs.getString(29),
                            session.sessionHash(), Instant.ofEpochMilli(rs.getLong(30)));
                    return new ScopedCredential(credential, session);
                })
                .findOne());
    }

    @Override
    public List<UploadSession> expired(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM upload_sessions s "
                        + "WHERE s.state = 'APPLIED' AND s.expires_at < :now ORDER BY s.expires_at LIMIT :limit")
                .bind("now", now.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> session(rs))
                .list());
    }

    @Override
    public void delete(String sessionHash) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM temp_credentials WHERE session_hash = :hash").bind("hash", sessionHash).execute();
            h.createUpdate("DELETE FROM upload_sessions WHERE session_hash = :hash").bind("hash", sessionHash).execute();
        });
    }

    static UploadSession session(ResultSet rs) throws SQLException {
        return new UploadSession(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), Optional.ofNullable(rs.getString(8)), rs.getString(9), rs.getString(10),
                optionalLong(rs, 11), Optional.ofNullable(rs.getString(12)), rs.getString(13), optionalLong(rs, 14),
                Optional.ofNullable(rs.getString(15)), rs.getLong(16), Optional.ofNullable(rs.getString(17)), rs.getInt(18),
                Optional.ofNullable(rs.getString(19)), rs.getString(20), rs.getString(21),
                optionalLong(rs, 22).map(Instant::ofEpochMilli), "COMMITTED".equals(rs.getString(23)),
                Instant.ofEpochMilli(rs.getLong(24)), Instant.ofEpochMilli(rs.getLong(25)), Optional.ofNullable(rs.getString(26)));
    }

    private static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public long countOpen() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM upload_sessions WHERE state = 'APPLIED'").mapTo(Long.class).one());
    }
}
