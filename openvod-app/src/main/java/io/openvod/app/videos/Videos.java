package io.openvod.app.videos;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app's video records, by FileId. The store keeps what the domain decides
 * ({@link VideoTransitions}); it decides nothing itself.
 *
 * <p>Several app nodes may share one store: {@link #change} is the way to update a video, so that
 * two changes of one video never overwrite each other.
 */
public interface Videos {

    /** The video with this FileId, in whatever state, deleted ones included. */
    Optional<Video> find(String fileId);

    /** A user's videos, newest first ({@code createdAt}, then FileId), without deleted ones. */
    List<Video> ofUser(String userId, int limit);

    /** Videos in {@code state}, oldest change first ({@code updatedAt}, then FileId). */
    List<Video> inState(VideoState state, int limit);

    /** Inserts or replaces a video as it is (for imports and tests; concurrent writers use {@link #change}). */
    void save(Video video);

    /**
     * Reads the video, hands it to {@code change} and stores what that returns, as one atomic step:
     * no other change of the same video, on this node or another, comes in between. When
     * {@code change} returns empty nothing is stored. {@code change} may be called more than once
     * (when another node created the video meanwhile), so it must be free of side effects; an
     * exception it throws changes nothing and is thrown on to the caller.
     *
     * @return the video as stored afterwards; empty when there is none
     */
    Optional<Video> change(String fileId, Function<Optional<Video>, Optional<Video>> change);
}
