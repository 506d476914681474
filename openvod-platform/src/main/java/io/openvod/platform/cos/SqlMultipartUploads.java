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
            return h.createUpdate("UPDATE multipart_uploads SET completed_etag = :etag WHERE upload_id = :id "
                            + "AND completed_etag IS NULL")
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
    public void putPart(String uploadId, UploadedPart p) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO multipart_parts (upload_id, part_number, md5_hex, size, stored_at, data_offset) "
                        + "VALUES (:id, :n, :md5, :size, :at, :offset) ON CONFLICT (upload_id, part_number) "
                        + "DO UPDATE SET md5_hex = excluded.md5_hex, size = excluded.size, stored_at = excluded.stored_at, "
                        + "data_offset = excluded.data_offset")
                .bind("id", uploadId)
                .bind("n", p.partNumber())
                .bind("md5", p.md5Hex())
                .bind("size", p.size())
                .bind("at", p.storedAt().toEpochMilli())
                .bind("offset", p.dataOffset().orElse(null))
                .execute());
    }

    @Override
    public List<UploadedPart> parts(String uploadId, int afterPartNumber, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT part_number, md5_hex, size, stored_at, data_offset FROM multipart_parts "
                        + "WHERE upload_id = :id AND part_number > :after ORDER BY part_number LIMIT :limit")
                .bind("id", uploadId)
                .bind("after", afterPartNumber)
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    long offset = rs.getLong(5);
                    Optional<Long> dataOffset = rs.wasNull() ? Optional.empty() : Optional.of(offset);
                    return new UploadedPart(rs.getInt(1), rs.getString(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4)), dataOffset);
                })
                .list());
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
    public boolean remove(String uploadId) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("DELETE FROM multipart_parts WHERE upload_id = :id").bind("id", uploadId).execute();
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
