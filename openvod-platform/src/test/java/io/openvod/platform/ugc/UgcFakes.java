package io.openvod.platform.ugc;

import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeys;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.StoredObject;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory stand-ins for the UGC services' ports: one account with one key, sessions in a map,
 * an empty catalog and an empty object store (so a commit always finds its upload incomplete).
 */
final class UgcFakes {
    static final long APP_ID = 1_250_000_000L;
    static final String SECRET_ID = "AKIDUGCFUZZTEST00000000000000000000";
    static final String SECRET_KEY = "UgcFuzzTestSecretKey000000000000";

    private UgcFakes() {
    }

    /** The account {@link #APP_ID} with the key {@link #SECRET_ID}; only the primary application exists. */
    static final class OneKey implements ApiKeys {
        private final ApiKey key = new ApiKey(SECRET_ID, SECRET_KEY, APP_ID, true, Instant.EPOCH, true);

        @Override
        public Optional<ApiKey> find(String secretId) {
            return key.secretId().equals(secretId) ? Optional.of(key) : Optional.empty();
        }

        @Override
        public void add(ApiKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiKey> list() {
            return List.of(key);
        }

        @Override
        public boolean revoke(String secretId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void addApp(long appId, long subAppId, String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Long> accountOf(long subAppId) {
            return subAppId == APP_ID ? Optional.of(APP_ID) : Optional.empty();
        }

        @Override
        public Optional<Long> resolveSubApp(long appId, Optional<Long> vodSubAppId) {
            long requested = vodSubAppId.orElse(0L);
            return appId == APP_ID && (requested == 0 || requested == APP_ID) ? Optional.of(APP_ID) : Optional.empty();
        }
    }

    static final class Sessions implements UploadSessions {
        private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();
        private final java.util.Set<String> fileIds = ConcurrentHashMap.newKeySet();

        @Override
        public long countOpen() {
            return sessions.values().stream().filter(s -> !s.committed()).count();
        }

        @Override
        public boolean reserveFileId(String fileId, Instant at) {
            return fileIds.add(fileId);
        }

        @Override
        public void create(UploadSession session, TempCredential credential) {
            sessions.put(session.sessionHash(), session);
        }

        @Override
        public void addCredential(TempCredential credential) {
        }

        @Override
        public Optional<UploadSession> find(String sessionHash) {
            return Optional.ofNullable(sessions.get(sessionHash));
        }

        @Override
        public Optional<ScopedCredential> credential(String secretId, Instant now) {
            return Optional.empty();
        }

        @Override
        public List<UploadSession> expired(Instant now, int limit) {
            return List.of();
        }

        @Override
        public void delete(String sessionHash) {
            sessions.remove(sessionHash);
        }
    }

    static final class EmptyCatalog implements MediaCatalog {
        @Override
        public void recordUpload(Media media, OutboxEvent event, java.util.List<FlowRequest> flows, String sessionHash) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Media replaceCover(String fileId, long subAppId, String coverKey, String coverUrl, String sessionHash,
                                  java.util.function.Function<Media, OutboxEvent> event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Media> find(String fileId) {
            return Optional.empty();
        }

        @Override
        public Optional<String> uploadTrace(String fileId) {
            return Optional.empty();
        }

        @Override
        public boolean setStatus(String fileId, long subAppId, String status) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Media> delete(String fileId, long subAppId, OutboxEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordEvent(OutboxEvent event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Media> list(long subAppId, int limit) {
            return List.of();
        }

        @Override
        public List<StoredEvent> events(String fileId) {
            return List.of();
        }

        @Override
        public List<FlowRequest> pendingFlows(int limit) {
            return List.of();
        }
    }

    static final class EmptyStore implements ObjectStore {
        @Override
        public StoredObject put(String key, InputStream data, long length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ObjectInfo> stat(String key) {
            return Optional.empty();
        }

        @Override
        public InputStream read(String key, long offset, long length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ObjectInfo compose(String target, List<String> sources) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String key) {
            return false;
        }

        @Override
        public List<String> list(String prefix) {
            return List.of();
        }

        @Override
        public String describe() {
            return "empty";
        }
    }
}
