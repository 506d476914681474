package io.openvod.app.store;

import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.Videos;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Videos} over the {@code videos} table, in SQL that SQLite and PostgreSQL both accept (see
 * {@link VideoRows} for how a change locks its row). Each call is one transaction; a change that
 * the database aborted to break a deadlock is run again ({@link Transactions}).
 */
public final class SqlVideos implements Videos {
    private final Jdbi jdbi;
    private final Engine engine;

    public SqlVideos(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
        this.engine = Engine.of(jdbi);
    }

    @Override
    public Optional<Video> find(String fileId) {
        return jdbi.withHandle(h -> rows(h).find(fileId));
    }

    @Override
    public List<Video> ofUser(String userId, int limit) {
        return jdbi.withHandle(h -> rows(h).ofUser(userId, limit));
    }

    @Override
    public List<Video> inState(VideoState state, int limit) {
        return jdbi.withHandle(h -> rows(h).inState(state, limit));
    }

    @Override
    public void save(Video video) {
        Objects.requireNonNull(video, "video == null");
        Transactions.retrying(jdbi, h -> {
            rows(h).save(video);
            return null;
        });
    }

    @Override
    public Optional<Video> change(String fileId, Function<Optional<Video>, Optional<Video>> change) {
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(change, "change == null");
        return Transactions.retrying(jdbi, h -> rows(h).change(fileId, change));
    }

    private VideoRows rows(org.jdbi.v3.core.Handle h) {
        return new VideoRows(h, engine);
    }
}
