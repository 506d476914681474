package io.openvod.platform.ugc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.config.UploadConfig;
import io.openvod.platform.trace.TraceSteps;
import io.openvod.platform.trace.UploadTrace;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * PrepareUploadUGC and ApplyUploadUGC (spec: upload-protocol §3.2–§3.4). CommitUploadUGC is
 * {@link UploadCommitter}'s. Every call checks its signature; Apply creates an upload session with
 * temporary COS credentials scoped to its object keys, or, given a vodSessionKey, hands out fresh
 * credentials for the same session and the same keys. {@link #open} makes the same kind of session
 * for the API 3.0 ApplyUpload, from an {@link UploadGrant} instead of a signature.
 *
 * <p>Each Apply runs in a step ({@code ApplyUploadUGC}, {@code ApplyUpload}) of the upload's trace,
 * chosen by {@link UploadTrace#atApply} (the {@code traceparent} header, else the signed
 * {@code sourceContext}'s {@code req}, else a new trace), and the session keeps the trace id. A
 * resumed session stays in its trace.
 */
public final class UgcService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignatureCheck signatures;
    private final UploadSessions sessions;
    private final MediaCatalog catalog;
    private final UploadConfig limits;
    private final String region;
    private final String apiHost;
    /** FileIds taken by other nodes in a row before this node finds a free one: far more than any cluster's nodes. */
    private static final int MAX_FILE_ID_TRIES = 1000;
    private final FileIds fileIds = new FileIds();
    private final Clock clock;
    private final Tracing tracing;

    /**
     * @param region the storage region reported to clients ({@code storageRegionV5})
     * @param apiHost the UGC API's host name, reported as {@code domain}
     * @param tracing the node's tracer: Apply's steps, and Commit's ({@link UploadCommitter})
     */
    public UgcService(SignatureCheck signatures, UploadSessions sessions, MediaCatalog catalog, UploadConfig limits,
                      String region, String apiHost, Clock clock, Tracing tracing) {
        this.signatures = signatures;
        this.sessions = sessions;
        this.catalog = catalog;
        this.limits = limits;
        this.region = region;
        this.apiHost = apiHost;
        this.clock = clock;
        this.tracing = tracing;
    }

    /** The node's tracer, which the committer of these sessions traces with too. */
    Tracing tracing() {
        return tracing;
    }

    /** PrepareUploadUGC: no region race; the signature is checked but not consumed. */
    public ObjectNode prepare(ObjectNode body) {
        SignedUpload signed = signatures.inspect(new UgcRequest(body).text("signature").orElse(""));
        ObjectNode data = JSON.createObjectNode();
        data.put("appId", signed.subAppId());
        data.putArray("cosRegionList");
        return data;
    }

    /** ApplyUploadUGC without a {@code traceparent} header. */
    public ObjectNode apply(ObjectNode body) {
        return apply(body, Optional.empty());
    }

    /**
     * ApplyUploadUGC: a new session, a cover replacement, or fresh credentials for a session.
     *
     * @param traceparent the request's valid {@code traceparent} header, if any
     */
    public ObjectNode apply(ObjectNode body, Optional<TraceParent> traceparent) {
        UgcRequest request = new UgcRequest(body);
        SignedUpload signed = signatures.consume(request.text("signature").orElse(""));
        Optional<TraceParent> position = UploadTrace.atApply(traceparent, UploadGrant.of(signed).sourceContext());
        Optional<String> sessionKey = request.text("vodSessionKey").filter(k -> !k.isEmpty());
        if (sessionKey.isPresent()) {
            return resume(signed, sessionKey.get(), position);
        }
        try (TraceStep step = TraceSteps.server(tracing, "ApplyUploadUGC", position)) {
            return TraceSteps.run(step, () -> {
                String key = SessionKeys.newKey();
                UploadSession session = newSession(signed, request, SessionKeys.hash(key)).withTrace(step.context().traceId());
                step.attribute(TraceSteps.FILE_ID, session.fileId());
                TempCredential credential = newCredential(session);
                sessions.create(session, credential);
                return answer(session, key, credential);
            });
        }
    }

    /** Fresh credentials for an open session, in the session's trace (or, for a session without one, {@code position}). */
    private ObjectNode resume(SignedUpload signed, String sessionKey, Optional<TraceParent> position) {
        UploadSession session = openSession(signed, sessionKey);
        try (TraceStep step = TraceSteps.server(tracing, "ApplyUploadUGC", UploadTrace.rootOf(session.traceId()).or(() -> position))) {
            step.attribute(TraceSteps.FILE_ID, session.fileId());
            return TraceSteps.run(step, () -> {
                if (session.committed()) {
                    throw new UgcException(UgcError.SESSION_NOT_FOUND, "invalid vodSessionKey: the upload was already committed");
                }
                TempCredential credential = newCredential(session);
                sessions.addCredential(credential);
                return answer(session, sessionKey, credential);
            });
        }
    }

    /** The open session of {@code sessionKey}, if it belongs to the signature's application. */
    UploadSession openSession(SignedUpload signed, String sessionKey) {
        return openSession(signed.appId(), signed.subAppId(), sessionKey);
    }

    /** The open (or committed) session of {@code sessionKey}, if it belongs to the application {@code subAppId}. */
    UploadSession openSession(long appId, long subAppId, String sessionKey) {
        return sessions.find(SessionKeys.hash(sessionKey))
                .filter(s -> s.appId() == appId && s.subAppId() == subAppId)
                .filter(s -> s.committed() || s.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new UgcException(UgcError.SESSION_NOT_FOUND,
                        "invalid vodSessionKey: unknown, expired, or of another application"));
    }

    private UploadSession newSession(SignedUpload signed, UgcRequest request, String sessionHash) {
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
        return session(UploadGrant.of(signed), sessionHash, targetFileId,
                hasVideo ? Optional.of(new FileSpec(request.text("videoName").orElse(""), videoType.orElse(""), videoSize)) : Optional.empty(),
                hasCover ? Optional.of(new FileSpec("", coverType.orElse(""), coverSize)) : Optional.empty(),
                request.time("ExpireTime"));
    }

    /** A file to upload: its name, type (extension) and declared size. */
    private record FileSpec(String name, String type, Optional<Long> size) {
    }

    private UploadSession session(UploadGrant g, String sessionHash, Optional<String> targetFileId, Optional<FileSpec> video,
                                  Optional<FileSpec> cover, Optional<Instant> mediaExpireAt) {
        Instant now = clock.instant();
        String fileId = targetFileId.orElseGet(() -> newFileId(now));
        String bucket = StorageLayout.bucket(g.appId(), g.subAppId());
        Optional<String> mediaKey = video.map(v -> StorageLayout.newKey(g.subAppId(), fileId, v.type()));
        Optional<String> coverKey = cover.map(c -> StorageLayout.newKey(g.subAppId(), fileId, c.type()));
        return new UploadSession(sessionHash, fileId, g.appId(), g.subAppId(), g.secretId(), bucket, region,
                mediaKey, video.map(FileSpec::name).orElse(""), video.map(FileSpec::type).orElse("").toLowerCase(java.util.Locale.ROOT),
                video.flatMap(FileSpec::size), coverKey, cover.map(FileSpec::type).orElse(""), cover.flatMap(FileSpec::size),
                targetFileId, g.classId(), g.procedure(), g.taskPriority(), g.taskNotifyMode(), g.sourceContext(),
                g.sessionContext(), mediaExpireAt, false, now, now.plus(limits.sessionValidity()));
    }

    /**
     * A FileId no node handed out before: this node's next one, reserved in the shared store; when
     * another node took the same value (the same millisecond on another node), the next one.
     */
    private String newFileId(Instant now) {
        for (int tries = 0; tries < MAX_FILE_ID_TRIES; tries++) {
            String fileId = fileIds.next(now.toEpochMilli());
            if (sessions.reserveFileId(fileId, now)) {
                return fileId;
            }
        }
        throw new IllegalStateException("no free FileId after " + MAX_FILE_ID_TRIES + " tries");
    }

    /**
     * Opens a session for a new media file and, if {@code coverType} is given, its cover, as the
     * API 3.0 ApplyUpload does: the caller was authorised by the API, not by a signature.
     *
     * @param mediaType the media's extension, e.g. {@code mp4}
     * @param coverType the cover's extension, empty without a cover
     */
    public OpenedSession open(UploadGrant grant, String mediaName, String mediaType, Optional<String> coverType,
                              Optional<Instant> mediaExpireAt) {
        return open(grant, mediaName, mediaType, coverType, mediaExpireAt, Optional.empty());
    }

    /**
     * {@link #open(UploadGrant, String, String, Optional, Optional)} in a step {@code ApplyUpload} of
     * the upload's trace ({@link UploadTrace#atApply}).
     *
     * @param traceparent the request's valid {@code traceparent} header, if any
     */
    public OpenedSession open(UploadGrant grant, String mediaName, String mediaType, Optional<String> coverType,
                              Optional<Instant> mediaExpireAt, Optional<TraceParent> traceparent) {
        try (TraceStep step = TraceSteps.server(tracing, "ApplyUpload", UploadTrace.atApply(traceparent, grant.sourceContext()))) {
            return TraceSteps.run(step, () -> {
                String key = SessionKeys.newKey();
                UploadSession session = session(grant, SessionKeys.hash(key), Optional.empty(),
                        Optional.of(new FileSpec(mediaName, mediaType, Optional.empty())),
                        coverType.map(type -> new FileSpec("", type, Optional.empty())), mediaExpireAt)
                        .withTrace(step.context().traceId());
                step.attribute(TraceSteps.FILE_ID, session.fileId());
                TempCredential credential = newCredential(session);
                sessions.create(session, credential);
                return new OpenedSession(key, session, credential);
            });
        }
    }

    /** A new upload session: its vodSessionKey (handed out once, never stored), the session and its first credential. */
    public record OpenedSession(String sessionKey, UploadSession session, TempCredential credential) {
    }

    /** A declared size: none, or 1 byte to the limit. An empty file is not media (nor a cover), so 0 is refused. */
    private Optional<Long> checkedSize(UgcRequest request, String field) {
        Optional<Long> size = request.size(field);
        if (size.isPresent() && size.get() == 0) {
            throw UgcRequest.invalid(field + " is 0: an empty file cannot be uploaded");
        }
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
