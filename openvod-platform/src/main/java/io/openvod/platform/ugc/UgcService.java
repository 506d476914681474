package io.openvod.platform.ugc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.config.UploadConfig;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.TaskNotifyMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * PrepareUploadUGC and ApplyUploadUGC (spec: upload-protocol §3.2–§3.4). CommitUploadUGC is
 * {@link UploadCommitter}'s. Every call checks its signature; Apply creates an upload session with
 * temporary COS credentials scoped to its object keys, or, given a vodSessionKey, hands out fresh
 * credentials for the same session and the same keys.
 */
public final class UgcService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignatureCheck signatures;
    private final UploadSessions sessions;
    private final MediaCatalog catalog;
    private final UploadConfig limits;
    private final String region;
    private final String apiHost;
    private final FileIds fileIds = new FileIds();
    private final Clock clock;

    /**
     * @param region the storage region reported to clients ({@code storageRegionV5})
     * @param apiHost the UGC API's host name, reported as {@code domain}
     */
    public UgcService(SignatureCheck signatures, UploadSessions sessions, MediaCatalog catalog, UploadConfig limits,
                      String region, String apiHost, Clock clock) {
        this.signatures = signatures;
        this.sessions = sessions;
        this.catalog = catalog;
        this.limits = limits;
        this.region = region;
        this.apiHost = apiHost;
        this.clock = clock;
    }

    /** PrepareUploadUGC: no region race; the signature is checked but not consumed. */
    public ObjectNode prepare(ObjectNode body) {
        SignedUpload signed = signatures.inspect(new UgcRequest(body).text("signature").orElse(""));
        ObjectNode data = JSON.createObjectNode();
        data.put("appId", signed.subAppId());
        data.putArray("cosRegionList");
        return data;
    }

    /** ApplyUploadUGC: a new session, a cover replacement, or fresh credentials for a session. */
    public ObjectNode apply(ObjectNode body) {
        UgcRequest request = new UgcRequest(body);
        SignedUpload signed = signatures.consume(request.text("signature").orElse(""));
        Optional<String> sessionKey = request.text("vodSessionKey").filter(k -> !k.isEmpty());
        if (sessionKey.isPresent()) {
            return resume(signed, sessionKey.get());
        }
        String key = SessionKeys.newKey();
        UploadSession session = newSession(signed, request, SessionKeys.hash(key));
        TempCredential credential = newCredential(session);
        sessions.create(session, credential);
        return answer(session, key, credential);
    }

    private ObjectNode resume(SignedUpload signed, String sessionKey) {
        UploadSession session = openSession(signed, sessionKey);
        if (session.committed()) {
            throw new UgcException(UgcError.SESSION_NOT_FOUND, "invalid vodSessionKey: the upload was already committed");
        }
        TempCredential credential = newCredential(session);
        sessions.addCredential(credential);
        return answer(session, sessionKey, credential);
    }

    /** The open session of {@code sessionKey}, if it belongs to the signature's application. */
    UploadSession openSession(SignedUpload signed, String sessionKey) {
        return sessions.find(SessionKeys.hash(sessionKey))
                .filter(s -> s.appId() == signed.appId() && s.subAppId() == signed.subAppId())
                .filter(s -> s.committed() || s.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new UgcException(UgcError.SESSION_NOT_FOUND,
                        "invalid vodSessionKey: unknown, expired, or of another application"));
    }

    private UploadSession newSession(SignedUpload signed, UgcRequest request, String sessionHash) {
        SignatureParameters p = signed.parameters();
        Optional<String> videoType = request.text("videoType");
        Optional<Long> videoSize = checkedSize(request, "videoSize");
        Optional<String> coverType = request.text("coverType");
        Optional<Long> coverSize = checkedSize(request, "coverSize");
        Optional<String> targetFileId = request.text("fileId").filter(f -> !f.isEmpty());
        boolean hasVideo = videoType.isPresent() || request.text("videoName").isPresent();
        boolean hasCover = coverType.isPresent() || request.text("coverName").isPresent();
        if (!hasVideo && !(hasCover && targetFileId.isPresent())) {
            throw UgcRequest.invalid("videoName/videoType (a new upload) or fileId with coverName/coverType (a new cover) is required");
        }
        if (hasVideo) {
            targetFileId = Optional.empty();
        } else if (catalog.find(targetFileId.get()).filter(m -> m.subAppId() == signed.subAppId()).isEmpty()) {
            throw new UgcException(UgcError.MEDIA_NOT_FOUND, "fileId " + targetFileId.get() + " does not exist in this application");
        }
        Instant now = clock.instant();
        String fileId = targetFileId.orElseGet(() -> fileIds.next(now.toEpochMilli()));
        String bucket = StorageLayout.bucket(signed.appId(), signed.subAppId());
        Optional<String> mediaKey = hasVideo ? Optional.of(StorageLayout.newKey(signed.subAppId(), fileId, videoType.orElse(""))) : Optional.empty();
        Optional<String> coverKey = hasCover ? Optional.of(StorageLayout.newKey(signed.subAppId(), fileId, coverType.orElse(""))) : Optional.empty();
        return new UploadSession(sessionHash, fileId, signed.appId(), signed.subAppId(), p.secretId(), bucket, region,
                mediaKey, request.text("videoName").orElse(""), videoType.orElse("").toLowerCase(java.util.Locale.ROOT),
                hasVideo ? videoSize : Optional.empty(), coverKey, coverType.orElse(""), hasCover ? coverSize : Optional.empty(),
                targetFileId, p.classId().orElse(0L), p.procedure().filter(s -> !s.isEmpty()), p.taskPriority().orElse(0),
                p.taskNotifyMode().map(TaskNotifyMode::name), p.sourceContext().orElse(""), p.sessionContext().orElse(""),
                request.time("ExpireTime"), false, now, now.plus(limits.sessionValidity()));
    }

    private Optional<Long> checkedSize(UgcRequest request, String field) {
        Optional<Long> size = request.size(field);
        if (size.isPresent() && size.get() > limits.maxFileSize()) {
            throw new UgcException(UgcError.UPLOAD_FILE_TOO_LARGE, field + " " + size.get() + " is above the limit of "
                    + limits.maxFileSize() + " bytes");
        }
        return size;
    }

    /** Fresh credentials for {@code session}; they end with the session at the latest. */
    private TempCredential newCredential(UploadSession session) {
        Instant expires = clock.instant().plus(limits.credentialValidity());
        if (expires.isAfter(session.expiresAt())) {
            expires = session.expiresAt();
        }
        return new TempCredential("AKIDTMP" + random(29), random(32), random(64), session.sessionHash(),
                Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    private ObjectNode answer(UploadSession s, String sessionKey, TempCredential credential) {
        ObjectNode data = JSON.createObjectNode();
        s.mediaKey().ifPresent(k -> data.putObject("video").put("storageSignature", "").put("storagePath", "/" + k));
        s.coverKey().ifPresent(k -> data.putObject("cover").put("storageSignature", "").put("storagePath", "/" + k));
        data.put("storageAppId", s.appId());
        data.put("storageBucket", StorageLayout.shortBucket(s.subAppId()));
        data.put("storageRegion", s.region());
        data.put("storageRegionV5", s.region());
        data.put("StorageRegionV5", s.region());
        data.put("domain", apiHost);
        data.put("vodSessionKey", sessionKey);
        ObjectNode certificate = data.putObject("tempCertificate");
        certificate.put("secretId", credential.secretId());
        certificate.put("secretKey", credential.secretKey());
        certificate.put("token", credential.token());
        certificate.put("expiredTime", credential.expiresAt().getEpochSecond());
        data.put("appId", s.subAppId());
        data.put("timestamp", clock.instant().getEpochSecond());
        return data;
    }

    private static String random(int length) {
        return io.openvod.platform.account.ApiKeyGenerator.random(length);
    }
}
