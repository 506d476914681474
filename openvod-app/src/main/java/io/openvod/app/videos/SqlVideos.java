package io.openvod.app.videos;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The video records in the app database (table {@code videos}). */
public final class SqlVideos {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "file_id, user_id, request_id, name, state, media_url, cover_url, procedure_task_id, "
            + "playbacks, review, review_confidence, review_label, moderation, moderator, moderated_at, last_sequence, created_at, "
            + "updated_at, upload_seen, flow_outcome, review_task_id, review_task_verdict";

    private final Jdbi jdbi;

    public SqlVideos(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Video> find(String fileId) {
        return jdbi.withHandle(h -> find(h, fileId));
    }

    /** A video, read in the caller's transaction. */
    public Optional<Video> find(Handle h, String fileId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM videos WHERE file_id = :fileId")
                .bind("fileId", fileId)
                .map((rs, ctx) -> video(rs))
                .findOne();
    }

    /** A user's videos, newest first, without deleted ones. */
    public List<Video> ofUser(String userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM videos WHERE user_id = :userId AND state <> 'deleted' "
                        + "ORDER BY created_at DESC, file_id DESC LIMIT :limit")
                .bind("userId", userId)
                .bind("limit", limit)
                .map((rs, ctx) -> video(rs))
                .list());
    }

    /** Videos in {@code state}, oldest change first (the moderation queue reads {@code pending_review}). */
    public List<Video> inState(VideoState state, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM videos WHERE state = :state "
                        + "ORDER BY updated_at, file_id LIMIT :limit")
                .bind("state", state.wireName())
                .bind("limit", limit)
                .map((rs, ctx) -> video(rs))
                .list());
    }

    public void save(Video video) {
        jdbi.useTransaction(h -> save(h, video));
    }

    /** Inserts or replaces a video in the caller's transaction. */
    public void save(Handle h, Video v) {
        int updated = bind(h.createUpdate("UPDATE videos SET user_id = :userId, request_id = :requestId, name = :name, state = :state, "
                + "media_url = :mediaUrl, cover_url = :coverUrl, procedure_task_id = :taskId, playbacks = :playbacks, review = :review, "
                + "review_confidence = :confidence, review_label = :label, moderation = :moderation, moderator = :moderator, "
                + "moderated_at = :moderatedAt, last_sequence = :sequence, updated_at = :updated, upload_seen = :uploadSeen, "
                + "flow_outcome = :flowOutcome, review_task_id = :reviewTaskId, review_task_verdict = :reviewTaskVerdict "
                + "WHERE file_id = :fileId"), v).execute();
        if (updated == 0) {
            bind(h.createUpdate("INSERT INTO videos (" + COLUMNS + ") VALUES (:fileId, :userId, :requestId, :name, :state, :mediaUrl, "
                    + ":coverUrl, :taskId, :playbacks, :review, :confidence, :label, :moderation, :moderator, :moderatedAt, :sequence, "
                    + ":created, :updated, :uploadSeen, :flowOutcome, :reviewTaskId, :reviewTaskVerdict)"), v).execute();
        }
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update update, Video v) {
        return update.bind("fileId", v.fileId())
                .bind("userId", v.userId().orElse(null))
                .bind("requestId", v.requestId())
                .bind("name", v.name())
                .bind("state", v.state().wireName())
                .bind("mediaUrl", v.mediaUrl())
                .bind("coverUrl", v.coverUrl())
                .bind("taskId", v.procedureTaskId())
                .bind("playbacks", playbacks(v.playbacks()))
                .bind("review", v.review())
                .bind("confidence", v.reviewConfidence())
                .bind("label", v.reviewLabel())
                .bind("moderation", v.moderation().map(Video.Moderation::decision).orElse(null))
                .bind("moderator", v.moderation().map(Video.Moderation::moderator).orElse(null))
                .bind("moderatedAt", v.moderation().map(m -> m.at().toEpochMilli()).orElse(null))
                .bind("sequence", v.lastSequence())
                .bind("created", v.createdAt().toEpochMilli())
                .bind("updated", v.updatedAt().toEpochMilli())
                .bind("uploadSeen", v.awaited().uploadSeen() ? 1 : 0)
                .bind("flowOutcome", v.awaited().flowOutcome())
                .bind("reviewTaskId", v.awaited().reviewTaskId())
                .bind("reviewTaskVerdict", v.awaited().reviewTaskVerdict());
    }

    private static String playbacks(List<Playback> playbacks) {
        try {
            return JSON.writeValueAsString(playbacks);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write playbacks", e);
        }
    }

    private static Video video(ResultSet rs) throws SQLException {
        List<Playback> playbacks;
        try {
            playbacks = JSON.readValue(rs.getString(9), new TypeReference<List<Playback>>() { });
        } catch (IOException e) {
            throw new SQLException("stored playbacks are not JSON", e);
        }
        String decision = rs.getString(13);
        Optional<Video.Moderation> moderation = decision == null ? Optional.empty()
                : Optional.of(new Video.Moderation(decision, rs.getString(14), Instant.ofEpochMilli(rs.getLong(15))));
        return new Video(rs.getString(1), Optional.ofNullable(rs.getString(2)), rs.getString(3), rs.getString(4),
                VideoState.fromWire(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8), playbacks, rs.getString(10),
                rs.getDouble(11), rs.getString(12), moderation, rs.getLong(16), Instant.ofEpochMilli(rs.getLong(17)),
                Instant.ofEpochMilli(rs.getLong(18)),
                new Video.Awaited(rs.getInt(19) != 0, rs.getString(20), rs.getString(21), rs.getString(22)));
    }
}
