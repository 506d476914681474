package io.openvod.app.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.app.videos.Playback;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.Videos;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The {@code videos} table on one handle, inside the caller's transaction: what {@link SqlVideos}
 * runs, and what {@link SqlReceivedEvents#finish} hands to an event's changes.
 *
 * <p>{@link #change} reads the row with its lock ({@link Engine#forUpdate()}), so a concurrent
 * change of the same video waits for this transaction and then reads its result. A video that does
 * not exist yet cannot be locked: it is inserted with {@code ON CONFLICT DO NOTHING}, and when
 * another transaction inserted it first the change is made again on that row.
 */
final class VideoRows implements Videos {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_INSERT_RACES = 10;
    static final String COLUMNS = "file_id, user_id, request_id, name, state, media_url, cover_url, procedure_task_id, "
            + "playbacks, review, review_confidence, review_label, moderation, moderator, moderated_at, last_sequence, created_at, "
            + "updated_at, upload_seen, flow_outcome, review_task_id, review_task_verdict, media_error";
    private static final String VALUES = ":fileId, :userId, :requestId, :name, :state, :mediaUrl, :coverUrl, :taskId, :playbacks, "
            + ":review, :confidence, :label, :moderation, :moderator, :moderatedAt, :sequence, :created, :updated, :uploadSeen, "
            + ":flowOutcome, :reviewTaskId, :reviewTaskVerdict, :mediaError";
    private static final String SET = "user_id = :userId, request_id = :requestId, name = :name, state = :state, "
            + "media_url = :mediaUrl, cover_url = :coverUrl, procedure_task_id = :taskId, playbacks = :playbacks, review = :review, "
            + "review_confidence = :confidence, review_label = :label, moderation = :moderation, moderator = :moderator, "
            + "moderated_at = :moderatedAt, last_sequence = :sequence, updated_at = :updated, upload_seen = :uploadSeen, "
            + "flow_outcome = :flowOutcome, review_task_id = :reviewTaskId, review_task_verdict = :reviewTaskVerdict, "
            + "media_error = :mediaError";

    private final Handle h;
    private final Engine engine;

    VideoRows(Handle h, Engine engine) {
        this.h = h;
        this.engine = engine;
    }

    @Override
    public Optional<Video> find(String fileId) {
        return select(fileId, "");
    }

    @Override
    public List<Video> ofUser(String userId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM videos WHERE user_id = :userId AND state <> 'deleted' "
                        + "ORDER BY created_at DESC, file_id DESC LIMIT :limit")
                .bind("userId", userId)
                .bind("limit", limit)
                .map((rs, ctx) -> video(rs))
                .list();
    }

    @Override
    public List<Video> inState(VideoState state, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM videos WHERE state = :state ORDER BY updated_at, file_id LIMIT :limit")
                .bind("state", state.wireName())
                .bind("limit", limit)
                .map((rs, ctx) -> video(rs))
                .list();
    }

    @Override
    public void save(Video video) {
        bind(h.createUpdate("INSERT INTO videos (" + COLUMNS + ") VALUES (" + VALUES + ") ON CONFLICT (file_id) DO UPDATE SET " + SET),
                video).execute();
    }

    @Override
    public Optional<Video> change(String fileId, Function<Optional<Video>, Optional<Video>> change) {
        for (int race = 0; race < MAX_INSERT_RACES; race++) {
            Optional<Video> current = select(fileId, engine.forUpdate());
            Optional<Video> next = change.apply(current);
            if (next.isEmpty()) {
                return current;
            }
            Video video = next.get();
            if (!video.fileId().equals(fileId)) {
                throw new IllegalArgumentException("a change of video " + fileId + " returned video " + video.fileId());
            }
            if (current.isPresent()) {
                bind(h.createUpdate("UPDATE videos SET " + SET + " WHERE file_id = :fileId"), video).execute();
                return next;
            }
            if (bind(h.createUpdate("INSERT INTO videos (" + COLUMNS + ") VALUES (" + VALUES + ") ON CONFLICT (file_id) DO NOTHING"),
                    video).execute() == 1) {
                return next;
            }
            // another transaction created the video meanwhile: change its row instead
        }
        throw new IllegalStateException("video " + fileId + " kept being created by others while it was changed");
    }

    private Optional<Video> select(String fileId, String suffix) {
        return h.createQuery("SELECT " + COLUMNS + " FROM videos WHERE file_id = :fileId" + suffix)
                .bind("fileId", fileId)
                .map((rs, ctx) -> video(rs))
                .findOne();
    }

    private static Update bind(Update update, Video v) {
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
                .bind("reviewTaskVerdict", v.awaited().reviewTaskVerdict())
                .bind("mediaError", v.mediaError());
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
                new Video.Awaited(rs.getInt(19) != 0, rs.getString(20), rs.getString(21), rs.getString(22)), rs.getString(23));
    }
}
