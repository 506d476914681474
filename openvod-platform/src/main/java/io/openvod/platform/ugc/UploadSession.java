package io.openvod.platform.ugc;

import io.openvod.core.trace.TraceParent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One client upload, as ApplyUploadUGC granted it: where the media and cover go, and everything
 * the signature decided about the media to be. Rebuilt from the database by its vodSessionKey,
 * so an upload survives a platform restart.
 *
 * @param sessionHash SHA-256 (hex) of the vodSessionKey; the key itself is never stored
 * @param fileId the FileId the media will have (or, when only a cover is replaced, the media's)
 * @param mediaKey the media object's key in the bucket, empty when only a cover is uploaded
 * @param coverKey the cover object's key, empty when there is no cover
 * @param targetFileId set when the session replaces the cover of existing media
 * @param mediaExpireAt when the media expires ({@code ExpireTime}), empty for never
 * @param traceId the trace the upload belongs to ({@code io.openvod.platform.trace.UploadTrace}); empty for a
 *     session opened before traces were kept
 */
public record UploadSession(
        String sessionHash, String fileId, long appId, long subAppId, String secretId, String bucket, String region,
        Optional<String> mediaKey, String mediaName, String mediaType, Optional<Long> mediaSize,
        Optional<String> coverKey, String coverType, Optional<Long> coverSize, Optional<String> targetFileId,
        long classId, Optional<String> procedure, int taskPriority, Optional<String> taskNotifyMode,
        String sourceContext, String sessionContext, Optional<Instant> mediaExpireAt,
        boolean committed, Instant createdAt, Instant expiresAt, Optional<String> traceId) {

    public UploadSession {
        Objects.requireNonNull(sessionHash, "sessionHash == null");
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(bucket, "bucket == null");
        Objects.requireNonNull(region, "region == null");
        mediaName = mediaName == null ? "" : mediaName;
        mediaType = mediaType == null ? "" : mediaType;
        coverType = coverType == null ? "" : coverType;
        sourceContext = sourceContext == null ? "" : sourceContext;
        sessionContext = sessionContext == null ? "" : sessionContext;
        traceId = traceId == null ? Optional.empty() : traceId.filter(TraceParent::isTraceId);
    }

    /** A session without a trace. */
    public UploadSession(
            String sessionHash, String fileId, long appId, long subAppId, String secretId, String bucket, String region,
            Optional<String> mediaKey, String mediaName, String mediaType, Optional<Long> mediaSize,
            Optional<String> coverKey, String coverType, Optional<Long> coverSize, Optional<String> targetFileId,
            long classId, Optional<String> procedure, int taskPriority, Optional<String> taskNotifyMode,
            String sourceContext, String sessionContext, Optional<Instant> mediaExpireAt,
            boolean committed, Instant createdAt, Instant expiresAt) {
        this(sessionHash, fileId, appId, subAppId, secretId, bucket, region, mediaKey, mediaName, mediaType, mediaSize, coverKey,
                coverType, coverSize, targetFileId, classId, procedure, taskPriority, taskNotifyMode, sourceContext, sessionContext,
                mediaExpireAt, committed, createdAt, expiresAt, Optional.empty());
    }

    /** This session in the trace {@code traceId}. */
    public UploadSession withTrace(String traceId) {
        return new UploadSession(sessionHash, fileId, appId, subAppId, secretId, bucket, region, mediaKey, mediaName, mediaType,
                mediaSize, coverKey, coverType, coverSize, targetFileId, classId, procedure, taskPriority, taskNotifyMode,
                sourceContext, sessionContext, mediaExpireAt, committed, createdAt, expiresAt, Optional.of(traceId));
    }

    /** Whether the object {@code key} of {@code bucket} is one this session may write. */
    public boolean covers(String bucket, String key) {
        return this.bucket.equals(bucket) && (mediaKey.filter(key::equals).isPresent() || coverKey.filter(key::equals).isPresent());
    }

    public boolean replacesCover() {
        return targetFileId.isPresent();
    }
}
