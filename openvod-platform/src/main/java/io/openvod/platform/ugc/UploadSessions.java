package io.openvod.platform.ugc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Upload sessions and their temporary credentials. */
public interface UploadSessions {

    /**
     * Reserves a new FileId for good, whichever node asks: true when no FileId of that value was
     * reserved before, false when it was (then the caller tries another).
     */
    boolean reserveFileId(String fileId, Instant at);

    /** Stores a new session together with its first credential. */
    void create(UploadSession session, TempCredential credential);

    /** Adds a fresh credential to an existing session (a resumed upload, or a refresh). */
    void addCredential(TempCredential credential);

    /** The session whose vodSessionKey hashes to {@code sessionHash}. */
    Optional<UploadSession> find(String sessionHash);

    /** The unexpired credential with this secret id and its session, if the session is neither committed nor expired. */
    Optional<ScopedCredential> credential(String secretId, Instant now);

    /** Uncommitted sessions whose time ran out before {@code now}, at most {@code limit}. */
    List<UploadSession> expired(Instant now, int limit);

    /** Removes a session and its credentials. */
    void delete(String sessionHash);

    /** A credential with the session that scopes it. */
    record ScopedCredential(TempCredential credential, UploadSession session) {
    }

    /** How many sessions are open: applied and not committed (expired ones included until the sweeper removes them; metrics). */
    long countOpen();
}
