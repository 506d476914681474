package io.openvod.client;

import java.util.Optional;

/**
 * Where upload sessions are remembered between runs, by a key that names one local file in one
 * state (see {@link UploadKey}). {@link DirectorySessionStore} keeps them in files; a record is
 * removed once its upload is committed. Implementations must be safe for use by several threads.
 */
public interface SessionStore {
    /** A store that remembers nothing: every upload starts afresh. */
    SessionStore NONE = new SessionStore() {
        @Override
        public Optional<SessionRecord> load(String key) {
            return Optional.empty();
        }

        @Override
        public void save(String key, SessionRecord record) {
        }

        @Override
        public void remove(String key) {
        }
    };

    Optional<SessionRecord> load(String key);

    void save(String key, SessionRecord record);

    void remove(String key);
}
