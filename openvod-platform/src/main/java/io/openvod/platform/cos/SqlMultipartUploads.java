package io.openvod.platform.cos;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link MultipartUploads} in the platform database. */
public final class SqlMultipartUploads implements MultipartUploads {
    private static final String COLUMNS = "upload_id, bucket, object_key, content_type, initiated_at";
    private static final String NATIVE = "native";
    private static final String OWN_OBJECTS = "objects";
    private final Jdbi jdbi;

    public SqlMultipartUploads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(MultipartUpload u) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO multipart_uploads (" + COLUMNS + ") VALUES (:id, :bucket, :key, :type, :at)")
                .bind("id", u.uploadId())
                .bind("bucket", u.bucket())
                .bind("key", u.key())
                .bind("type", u.contentType())
                .bind("at", u.initiated().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<MultipartUpload> find(String uploadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM multipart_uploads WHERE upload_id = :id "
                        + "AND completed_etag IS NULL")
                .bind("id", uploadId)
                .map((rs, ctx) -> upload(rs))
                .findOne());
    }

    @Override
    public Optional<String> completedEtag(String uploadId, String bucket, String key) {
        return jdbi.withHandle(h -> h.createQuery("SELECT completed_etag FROM multipart_uploads WHERE upload_id = :id "
                        + "AND bucket = :bucket AND object_key = :key AND completed_etag IS NOT NULL")
                .bind("id", uploadId)
                .bind("bucket", bucket)
                .bind("key", key)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public boolean markCompleted(String uploadId, String etag) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM multipart_parts WHERE upload_id = :id").bind("id", uploadId).execute();
            h.createUpdate("DELETE FROM multipart_draft_claims WHERE upload_id = :id").bind("id", uploadId).execute();
            return h.createUpdate("UPDATE multipart_uploads SET completed_etag = :etag, completing_holder = NULL, "
                            + "completing_until = NULL WHERE upload_id = :id AND completed_etag IS NULL")
                    .bind("etag", etag)
                    .bind("id", uploadId)
                    .execute() == 1;
        });
    }

    @Override
    public List<MultipartUpload> list(String bucket, String prefix, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM multipart_uploads WHERE bucket = :bucket "
                        + "AND completed_etag IS NULL AND substr(object_key, 1, :length) = :prefix ORDER BY object_key, initiated_at, upload_id LIMIT :limit")
                .bind("bucket", bucket)
                .bind("length", prefix.length())
                .bind("prefix", prefix)
                .bind("limit", limit)
                .map((rs, ctx) -> upload(rs))
                .list());
    }

    @Override
    public boolean putPart(String uploadId, UploadedPart p) {
        Long offset = p.place() instanceof PartPlace.InDraft d ? d.offset() : null;
        String storeEtag = p.place() instanceof PartPlace.InNativeUpload n ? n.storeEtag() : null;
        // The WHERE clause also keeps SQLite's parser from reading ON CONFLICT as a join constraint.
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO multipart_parts "
                        + "(upload_id, part_number, md5_hex, size, stored_at, data_offset, store_etag) "
                        + "SELECT :id, :n, :md5, :size, :at, CAST(:offset AS BIGINT), CAST(:etag AS TEXT) "
                        + "WHERE EXISTS (SELECT 1 FROM multipart_uploads WHERE upload_id = :id AND completed_etag IS NULL) "
                        + "ON CONFLICT (upload_id, part_number) DO UPDATE SET md5_hex = excluded.md5_hex, size = excluded.size, "
                        + "stored_at = excluded.stored_at, data_offset = excluded.data_offset, store_etag = excluded.store_etag")
                .bind("id", uploadId)
                .bind("n", p.partNumber())
                .bind("md5", p.md5Hex())
                .bind("size", p.size())
                .bind("at", p.storedAt().toEpochMilli())
                .bind("offset", offset)
                .bind("etag", storeEtag)
                .execute() == 1);
    }

    @Override
    public List<UploadedPart> parts(String uploadId, int afterPartNumber, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT part_number, md5_hex, size, stored_at, data_offset, store_etag "
                        + "FROM multipart_parts WHERE upload_id = :id AND part_number > :after ORDER BY part_number LIMIT :limit")
                .bind("id", uploadId)
                .bind("after", afterPartNumber)
                .bind("limit", limit)
                .map((rs, ctx) -> new UploadedPart(rs.getInt(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)),
                        place(rs)))
                .list());
    }

    private static PartPlace place(ResultSet rs) throws SQLException {
        long offset = rs.getLong(5);
        if (!rs.wasNull()) {
            return new PartPlace.InDraft(offset);
        }
        String storeEtag = rs.getString(6);
        return storeEtag != null ? new PartPlace.InNativeUpload(storeEtag) : PartPlace.OWN_OBJECT;
    }

    @Override
    public Optional<Long> partSize(String uploadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT part_size FROM multipart_uploads WHERE upload_id = :id AND part_size IS NOT NULL")
                .bind("id", uploadId)
                .mapTo(Long.class)
                .findOne());
    }

    @Override
    public long settlePartSize(String uploadId, long size) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE multipart_uploads SET part_size = :size WHERE upload_id = :id AND part_size IS NULL")
                .bind("size", size)
                .bind("id", uploadId)
                .execute());
        return partSize(uploadId).orElse(size);
    }

    @Override
    public Optional<PartRoute> route(String uploadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT part_route, store_upload_id FROM multipart_uploads WHERE upload_id = :id "
                        + "AND completed_etag IS NULL AND part_route IS NOT NULL")
                .bind("id", uploadId)
                .map((rs, ctx) -> NATIVE.equals(rs.getString(1)) ? new PartRoute.Native(rs.getString(2)) : PartRoute.OWN_OBJECTS)
                .findOne());
    }

    @Override
    public Optional<PartRoute> settleRoute(String uploadId, PartRoute route) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE multipart_uploads SET part_route = :route, store_upload_id = :storeId "
                        + "WHERE upload_id = :id AND part_route IS NULL AND completed_etag IS NULL")
                .bind("route", route instanceof PartRoute.Native ? NATIVE : OWN_OBJECTS)
                .bind("storeId", route instanceof PartRoute.Native n ? n.storeUploadId() : null)
                .bind("id", uploadId)
                .execute());
        return route(uploadId);
    }

    @Override
    public boolean claimDraftRange(String uploadId, int partNumber) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO multipart_draft_claims (upload_id, part_number) VALUES (:id, :n) "
                        + "ON CONFLICT (upload_id, part_number) DO NOTHING")
                .bind("id", uploadId)
                .bind("n", partNumber)
                .execute() == 1);
    }

    @Override
    public void releaseDraftRange(String uploadId, int partNumber) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM multipart_draft_claims WHERE upload_id = :id AND part_number = :n")
                .bind("id", uploadId)
                .bind("n", partNumber)
                .execute());
    }

    @Override
    public boolean leaseCompletion(String uploadId, String holder, Instant until, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE multipart_uploads SET completing_holder = :holder, completing_until = :until "
                        + "WHERE upload_id = :id AND completed_etag IS NULL AND (completing_until IS NULL OR completing_until < :now)")
                .bind("holder", holder)
                .bind("until", until.toEpochMilli())
                .bind("id", uploadId)
                .bind("now", now.toEpochMilli())
                .execute() == 1);
    }

    @Override
    public boolean renewCompletion(String uploadId, String holder, Instant until) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE multipart_uploads SET completing_until = :until "
                        + "WHERE upload_id = :id AND completing_holder = :holder AND completed_etag IS NULL")
                .bind("until", until.toEpochMilli())
                .bind("id", uploadId)
                .bind("holder", holder)
                .execute() == 1);
    }

    @Override
    public void releaseCompletion(String uploadId, String holder) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE multipart_uploads SET completing_holder = NULL, completing_until = NULL "
                        + "WHERE upload_id = :id AND completing_holder = :holder")
                .bind("id", uploadId)
                .bind("holder", holder)
                .execute());
    }

    @Override
    public boolean remove(String uploadId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM multipart_parts WHERE upload_id = :id").bind("id", uploadId).execute();
            h.createUpdate("DELETE FROM multipart_draft_claims WHERE upload_id = :id").bind("id", uploadId).execute();
            return h.createUpdate("DELETE FROM multipart_uploads WHERE upload_id = :id").bind("id", uploadId).execute() == 1;
        });
    }

    @Override
    public List<MultipartUpload> startedBefore(Instant before, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM multipart_uploads WHERE initiated_at < :before "
                        + "ORDER BY initiated_at LIMIT :limit")
                .bind("before", before.toEpochMilli())
                .bind("limit", limit)
                .map((rs, ctx) -> upload(rs))
                .list());
    }

    private static MultipartUpload upload(ResultSet rs) throws SQLException {
        return new MultipartUpload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
