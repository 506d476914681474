package io.openvod.platform.ugc;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.platform.catalog.CatalogConflictException;
import io.openvod.platform.catalog.FlowRequest;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.MediaGoneException;
import io.openvod.platform.catalog.MediaInspector;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.catalog.ProcedurePlan;
import io.openvod.platform.events.FileUploadEvents;
import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.trace.TraceSteps;
import io.openvod.platform.trace.UploadTrace;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CommitUploadUGC (spec: upload-protocol §3.5): checks that the session's objects are complete,
 * reads the media's metadata with FFmpeg, then records the media, its NewFileUpload event and
 * the requested task flow in one transaction. Committing a session again (a client retrying
 * after a lost answer) returns the same result. The API 3.0 CommitUpload commits through
 * {@link #commit(long, long, String)}, without a signature.
 *
 * <p>A Commit runs in a step ({@code CommitUploadUGC}, {@code CommitUpload}) of the session's trace,
 * traced with its {@link UgcService}'s tracer; the events it writes carry that step's
 * {@code traceparent}, and the task flows it asks for run in the session's trace.
 */
public final class UploadCommitter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignatureCheck signatures;
    private final UgcService ugc;
    private final ObjectStore store;
    private final MediaCatalog catalog;
    private final MediaInspector inspector;
    private final StorageLayout layout;
    private final Clock clock;
    private final Runnable flowRequested;
    private final ProcedurePlan.Lookup plans;
    private final Counter committed;

    public UploadCommitter(SignatureCheck signatures, UgcService ugc, ObjectStore store, MediaCatalog catalog,
                           MediaInspector inspector, StorageLayout layout, Clock clock) {
        this(signatures, ugc, store, catalog, inspector, layout, clock, () -> { });
    }

    /** @param flowRequested called after a commit that recorded a task flow, so the flow starts at once */
    public UploadCommitter(SignatureCheck signatures, UgcService ugc, ObjectStore store, MediaCatalog catalog,
                           MediaInspector inspector, StorageLayout layout, Clock clock, Runnable flowRequested) {
        this(signatures, ugc, store, catalog, inspector, layout, clock, flowRequested, ProcedurePlan.PROCEDURE_ONLY);
    }

    /**
     * @param flowRequested called after a commit that recorded a task flow, so the flow starts at once
     * @param plans what a named procedure starts: a Procedure flow, a ReviewAudioVideo task, or both
     */
    public UploadCommitter(SignatureCheck signatures, UgcService ugc, ObjectStore store, MediaCatalog catalog,
                           MediaInspector inspector, StorageLayout layout, Clock clock, Runnable flowRequested,
                           ProcedurePlan.Lookup plans) {
        this(signatures, ugc, store, catalog, inspector, layout, clock, flowRequested, plans, new SimpleMeterRegistry());
    }

    /**
     * A committer that counts the sessions it commits in {@code registry} ({@code openvod_upload_sessions_committed_total}).
     *
     * @param flowRequested called after a commit that recorded a task flow, so the flow starts at once
     * @param plans what a named procedure starts: a Procedure flow, a ReviewAudioVideo task, or both
     */
    public UploadCommitter(SignatureCheck signatures, UgcService ugc, ObjectStore store, MediaCatalog catalog,
                           MediaInspector inspector, StorageLayout layout, Clock clock, Runnable flowRequested,
                           ProcedurePlan.Lookup plans, MeterRegistry registry) {
        this.committed = Counter.builder("openvod.upload.sessions.committed").description("upload sessions committed")
                .register(registry);
        this.flowRequested = flowRequested;
        this.plans = plans;
        this.signatures = signatures;
        this.ugc = ugc;
        this.store = store;
        this.catalog = catalog;
        this.inspector = inspector;
        this.layout = layout;
        this.clock = clock;
    }

    /** CommitUploadUGC: the signature selects the application whose session is committed. */
    public ObjectNode commit(ObjectNode body) {
        UgcRequest request = new UgcRequest(body);
        SignedUpload signed = signatures.consume(request.text("signature").orElse(""));
        String sessionKey = request.text("vodSessionKey").filter(k -> !k.isEmpty())
                .orElseThrow(() -> UgcRequest.invalid("vodSessionKey is required"));
        return answer(commit(signed.appId(), signed.subAppId(), sessionKey, "CommitUploadUGC"));
    }

    /**
     * Commits the session of {@code sessionKey} in the application {@code subAppId} of account
     * {@code appId} (whoever authorised the caller: a signature or the API 3.0 endpoint), or,
     * when it was committed already, returns what it committed; in a step {@code CommitUpload}
     * (the API 3.0 action's name).
     *
     * @throws UgcException {@link UgcError#SESSION_NOT_FOUND} for an unknown, expired or foreign
     *     session; {@link UgcError#UPLOAD_INCOMPLETE} when an object is missing, of another size, or empty
     */
    public Committed commit(long appId, long subAppId, String sessionKey) {
        return commit(appId, subAppId, sessionKey, "CommitUpload");
    }

    /** Commits in a step named {@code action} of the session's trace. */
    private Committed commit(long appId, long subAppId, String sessionKey, String action) {
        UploadSession opened = ugc.openSession(appId, subAppId, sessionKey);
        try (TraceStep step = TraceSteps.server(ugc.tracing(), action, UploadTrace.rootOf(opened.traceId()))) {
            step.attribute(TraceSteps.FILE_ID, opened.fileId());
            return TraceSteps.run(step, () -> commit(appId, subAppId, sessionKey, opened, step.context()));
        }
    }

    private Committed commit(long appId, long subAppId, String sessionKey, UploadSession opened, TraceParent step) {
        UploadSession session = opened;
        if (!session.committed()) {
            try {
                record(session, step);
                committed.increment();
            } catch (CatalogConflictException e) {
                session = ugc.openSession(appId, subAppId, sessionKey);
                if (!session.committed()) {
                    throw new UgcException(UgcError.SESSION_NOT_FOUND, "invalid vodSessionKey: " + e.getMessage());
                }
            }
        }
        UploadSession s = session;
        if (s.replacesCover()) {
            return new Committed(s, mediaOfSession(s));
        }
        Media media = catalog.find(s.fileId())
                .orElseThrow(() -> new UgcException(UgcError.UPLOAD_INTERNAL, "committed media " + s.fileId() + " is missing"));
        return new Committed(s, media);
    }

    /**
     * A committed session and its media.
     *
     * @param session the session; {@link UploadSession#replacesCover()} when only a cover was uploaded
     */
    public record Committed(UploadSession session, Media media) {
        /** Whether the session uploaded a cover. */
        public boolean hasCover() {
            return session.coverKey().isPresent();
        }
    }

    /** Records the commit; its events carry {@code step}, the Commit step's position. */
    private void record(UploadSession s, TraceParent step) {
        if (s.replacesCover()) {
            replaceCover(s, step);
            return;
        }
        Optional<ObjectInfo> cover = s.coverKey().map(key -> complete(s, key, s.coverSize(), "cover"));
        String mediaKey = s.mediaKey().orElseThrow();
        ObjectInfo media = complete(s, mediaKey, s.mediaSize(), "video");
        MediaInspector.Inspection inspection = inspector.inspect(StorageLayout.storeKey(s.bucket(), mediaKey));
        Instant now = clock.instant();
        Media row = new Media(s.fileId(), s.appId(), s.subAppId(), s.mediaName(), "", s.mediaType(), s.classId(), s.bucket(),
                s.region(), mediaKey, layout.url(s.bucket(), mediaKey), s.coverKey(),
                cover.isPresent() ? layout.url(s.bucket(), s.coverKey().orElseThrow()) : "", s.sourceContext(), media.size(),
                inspection.metadataJson(), inspection.error(), "Normal", s.mediaExpireAt(), now, now);
        Optional<ProcedurePlan> plan = s.procedure().map(procedure -> plans.plan(s.subAppId(), procedure));
        Optional<FlowRequest> flow = s.procedure().filter(p -> plan.orElseThrow().procedureFlow())
                .map(procedure -> new FlowRequest(FlowRequest.newTaskId(s.subAppId()), s.fileId(), s.appId(), s.subAppId(), procedure,
                        s.taskPriority(), s.taskNotifyMode().orElse(""), s.sessionContext()));
        Optional<FlowRequest> review = plan.flatMap(ProcedurePlan::reviewAudioVideoTask)
                .map(task -> new FlowRequest(FlowRequest.newReviewTaskId(s.subAppId()), s.fileId(), s.appId(), s.subAppId(), "",
                        s.taskPriority(), "Finish", s.sessionContext(), Optional.of(FlowRequest.AdHocTasks.reviewAudioVideo(task)),
                        Optional.empty()));
        List<FlowRequest> flows = Stream.of(flow, review).flatMap(Optional::stream).toList();
        ObjectNode event = FileUploadEvents.newFileUpload(row, flow.map(FlowRequest::taskId).orElse(""),
                review.map(FlowRequest::taskId).orElse(""));
        catalog.recordUpload(row, new OutboxEvent(TimeOrderedIds.next(), s.appId(), s.subAppId(), s.fileId(),
                FileUploadEvents.NEW_FILE_UPLOAD, FileUploadEvents.text(event)).withTrace(step), flows, s.sessionHash());
        if (!flows.isEmpty()) {
            flowRequested.run();
        }
    }

    /**
     * A new cover for existing media: the media's CoverUrl changes and a NewFileUpload event with
     * the updated MediaBasicInfo is written, in one transaction. The previous cover object stays
     * (it is removed with the media).
     */
    private void replaceCover(UploadSession s, TraceParent step) {
        mediaOfSession(s);
        String coverKey = s.coverKey().orElseThrow();
        complete(s, coverKey, s.coverSize(), "cover");
        try {
            catalog.replaceCover(s.fileId(), s.subAppId(), coverKey, layout.url(s.bucket(), coverKey), s.sessionHash(),
                    media -> new OutboxEvent(TimeOrderedIds.next(), s.appId(), s.subAppId(), s.fileId(),
                            FileUploadEvents.NEW_FILE_UPLOAD, FileUploadEvents.text(FileUploadEvents.newFileUpload(media, "")))
                            .withTrace(step));
        } catch (MediaGoneException e) {
            throw mediaNotFound(s);
        }
    }

    /** The media whose cover the session replaces, if its application still has it. */
    private Media mediaOfSession(UploadSession s) {
        return catalog.find(s.fileId()).filter(m -> m.subAppId() == s.subAppId()).orElseThrow(() -> mediaNotFound(s));
    }

    private static UgcException mediaNotFound(UploadSession s) {
        return new UgcException(UgcError.MEDIA_NOT_FOUND, "fileId " + s.fileId() + " does not exist in this application");
    }

    private ObjectInfo complete(UploadSession s, String key, Optional<Long> declared, String what) {
        ObjectInfo info = store.stat(StorageLayout.storeKey(s.bucket(), key))
                .orElseThrow(() -> new UgcException(UgcError.UPLOAD_INCOMPLETE, "the " + what + " has not been uploaded"));
        if (declared.isPresent() && declared.get() != info.size()) {
            throw new UgcException(UgcError.UPLOAD_INCOMPLETE, "the " + what + " has " + info.size()
                    + " bytes, but " + declared.get() + " were declared");
        }
        if (info.size() == 0) {
            throw new UgcException(UgcError.UPLOAD_INCOMPLETE, "the " + what + " is empty (0 bytes): upload its bytes, "
                    + "then commit; an empty file cannot be committed");
        }
        return info;
    }

    /** The answer of CommitUploadUGC; the URLs on the platform's current base, also when the session was committed before it moved. */
    private ObjectNode answer(Committed committed) {
        Media media = layout.urls().current(committed.media());
        ObjectNode data = JSON.createObjectNode();
        data.put("fileId", media.fileId());
        if (!committed.session().replacesCover()) {
            data.putObject("video").put("url", media.mediaUrl()).put("verify_content", "");
        }
        if (committed.hasCover()) {
            data.putObject("cover").put("url", media.coverUrl()).put("verify_content", "");
        }
        return data;
    }
}
