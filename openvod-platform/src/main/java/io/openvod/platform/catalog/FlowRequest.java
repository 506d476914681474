package io.openvod.platform.catalog;

import io.openvod.core.trace.TraceParent;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A task flow to run on one media file: the {@code procedure} an upload's signature named
 * (recorded with the commit), or one asked for with {@code ProcessMediaByProcedure} or
 * {@code ProcessMedia} (whose tasks come with the request, {@link #adHoc()}).
 *
 * @param taskId the TaskId (for an upload, the ProcedureTaskId reported in NewFileUpload)
 * @param procedure the template's name; empty for ad-hoc tasks
 * @param notifyMode {@code Finish}, {@code Change} or {@code None}; {@code ""} (or null) when none was
 *     named, which runs as {@code Finish} and is reported as {@code TasksNotifyMode ""}
 * @param adHoc the tasks of a {@code ProcessMedia} request, instead of a template's
 * @param sessionId the caller's {@code SessionId} (deduplication key), if any
 * @param traceId the trace the flow runs in: the call's for a flow started at once
 *     ({@code TaskQueue.submit}); for a flow an upload asked for, the upload's, as
 *     {@link MediaCatalog#pendingFlows} reads it from the upload session
 */
public record FlowRequest(String taskId, String fileId, long appId, long subAppId, String procedure, int taskPriority,
                          String notifyMode, String sessionContext, Optional<AdHocTasks> adHoc, Optional<String> sessionId,
                          Optional<String> traceId) {
    public FlowRequest {
        Objects.requireNonNull(taskId, "taskId == null");
        Objects.requireNonNull(procedure, "procedure == null");
        notifyMode = notifyMode == null ? "" : notifyMode;
        sessionContext = sessionContext == null ? "" : sessionContext;
        Objects.requireNonNull(adHoc, "adHoc == null");
        Objects.requireNonNull(sessionId, "sessionId == null");
        traceId = traceId == null ? Optional.empty() : traceId.filter(TraceParent::isTraceId);
    }

    /** A flow without a trace of its own yet. */
    public FlowRequest(String taskId, String fileId, long appId, long subAppId, String procedure, int taskPriority,
                       String notifyMode, String sessionContext, Optional<AdHocTasks> adHoc, Optional<String> sessionId) {
        this(taskId, fileId, appId, subAppId, procedure, taskPriority, notifyMode, sessionContext, adHoc, sessionId, Optional.empty());
    }

    /** A flow of the template {@code procedure}, without a SessionId. */
    public FlowRequest(String taskId, String fileId, long appId, long subAppId, String procedure, int taskPriority,
                       String notifyMode, String sessionContext) {
        this(taskId, fileId, appId, subAppId, procedure, taskPriority, notifyMode, sessionContext, Optional.empty(), Optional.empty());
    }

    /** This flow in the trace {@code traceId}. */
    public FlowRequest withTrace(String traceId) {
        return new FlowRequest(taskId, fileId, appId, subAppId, procedure, taskPriority, notifyMode, sessionContext, adHoc, sessionId,
                Optional.of(traceId));
    }

    /** A new TaskId of a flow of application {@code subAppId}: {@code <subAppId>-procedurev2-<32 hex>t0}, as Tencent's. */
    public static String newTaskId(long subAppId) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return subAppId + "-procedurev2-" + HexFormat.of().formatHex(random) + "t0";
    }

    /**
     * A new TaskId of a {@code ReviewAudioVideo} task of application {@code subAppId}:
     * {@code <subAppId>-ReviewAudioVideo-<32 hex>t}, as Tencent's.
     */
    public static String newReviewTaskId(long subAppId) {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return subAppId + "-ReviewAudioVideo-" + HexFormat.of().formatHex(random) + "t";
    }

    /**
     * The tasks of a {@code ProcessMedia} request, or of a {@code ReviewAudioVideo} task, as
     * Tencent's JSON objects.
     *
     * @param mediaProcessTask {@code MediaProcessTask}, if given
     * @param aiContentReviewTask {@code AiContentReviewTask}, if given
     * @param reviewAudioVideoTask {@code {Definition, ReviewContents}} of a ReviewAudioVideo task
     *     (which holds nothing else)
     */
    public record AdHocTasks(Optional<String> mediaProcessTask, Optional<String> aiContentReviewTask,
                             Optional<String> reviewAudioVideoTask) {
        public AdHocTasks {
            Objects.requireNonNull(mediaProcessTask, "mediaProcessTask == null");
            Objects.requireNonNull(aiContentReviewTask, "aiContentReviewTask == null");
            Objects.requireNonNull(reviewAudioVideoTask, "reviewAudioVideoTask == null");
        }

        public AdHocTasks(Optional<String> mediaProcessTask, Optional<String> aiContentReviewTask) {
            this(mediaProcessTask, aiContentReviewTask, Optional.empty());
        }

        /** The tasks of a ReviewAudioVideo task. */
        public static AdHocTasks reviewAudioVideo(String task) {
            return new AdHocTasks(Optional.empty(), Optional.empty(), Optional.of(task));
        }
    }
}
