package io.openvod.platform.cos;

import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.UsedSignatures;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.platform.ugc.UploadSession;
import io.openvod.platform.ugc.UploadSessions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cleans up after abandoned uploads: a session not committed in time is removed with its
 * credentials, its multipart uploads and their parts (a multipart upload of the store's own, on S3,
 * is aborted), and any object written under its keys; a multipart upload older than a session can
 * live is removed too; used one-time signature records are forgotten once their signatures expired.
 * Any node may sweep: removing an upload's row is the claim on cleaning up after it.
 */
public final class UploadSweeper {
    private static final Logger LOG = LoggerFactory.getLogger(UploadSweeper.class);
    private static final int BATCH = 100;

    private final UploadSessions sessions;
    private final MultipartUploads uploads;
    private final CosService cos;
    private final ObjectStore store;
    private final UsedSignatures replays;
    private final Duration sessionValidity;
    private final Clock clock;

    public UploadSweeper(UploadSessions sessions, MultipartUploads uploads, CosService cos, ObjectStore store,
                         UsedSignatures replays, Duration sessionValidity, Clock clock) {
        this.sessions = sessions;
        this.uploads = uploads;
        this.cos = cos;
        this.store = store;
        this.replays = replays;
        this.sessionValidity = sessionValidity;
        this.clock = clock;
    }

    /** One sweep; returns the number of sessions and uploads removed. */
    public int sweep() {
        Instant now = clock.instant();
        int removed = 0;
        List<UploadSession> expired;
        do {
            expired = sessions.expired(now, BATCH);
            for (UploadSession session : expired) {
                Stream.of(session.mediaKey(), session.coverKey()).flatMap(java.util.Optional::stream).forEach(key -> {
                    uploads.list(session.bucket(), key, BATCH).stream().filter(u -> u.key().equals(key)).forEach(cos::discard);
                    store.delete(StorageLayout.storeKey(session.bucket(), key));
                });
                sessions.delete(session.sessionHash());
                removed++;
            }
        } while (expired.size() == BATCH);
        List<MultipartUpload> stale;
        do {
            stale = uploads.startedBefore(now.minus(sessionValidity), BATCH);
            stale.forEach(cos::discard);
            removed += stale.size();
        } while (stale.size() == BATCH);
        int forgotten = replays.purge(now);
        if (removed > 0 || forgotten > 0) {
            LOG.info("swept {} abandoned uploads and {} expired one-time signature records", removed, forgotten);
        }
        return removed;
    }
}
