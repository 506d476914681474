package io.openvod.platform.flow;

import io.openvod.core.trace.TraceParent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a procedure on one media file, with its tasks in template order.
 *
 * @param status {@code PROCESSING} or {@code FINISH}
 * @param notifyMode {@code Finish}, {@code Change} or {@code None}: when its events are written
 * @param sessionId the SessionId it was submitted with; empty when none
 * @param traceId the trace its tasks and events belong to; empty for a flow started without one
 * @param namedNotifyMode the mode the upload's signature or the request named, which the events
 *     report as {@code TasksNotifyMode}: {@code ""} when none was named ({@code notifyMode} is then
 *     {@code Finish}), as Tencent reports it; null: {@code notifyMode}
 */
public record TaskFlow(String taskId, String fileId, long appId, long subAppId, String procedure, int priority, String notifyMode,
                       String sessionContext, String sessionId, String status, Instant createdAt, Instant updatedAt, Optional<Instant> finishedAt,
                       List<FlowTask> tasks, Optional<String> traceId, String namedNotifyMode) {
    public TaskFlow {
        traceId = traceId == null ? Optional.empty() : traceId.filter(TraceParent::isTraceId);
        namedNotifyMode = namedNotifyMode == null ? notifyMode : namedNotifyMode;
    }

    /** A flow whose mode was named. */
    public TaskFlow(String taskId, String fileId, long appId, long subAppId, String procedure, int priority, String notifyMode,
                    String sessionContext, String sessionId, String status, Instant createdAt, Instant updatedAt,
                    Optional<Instant> finishedAt, List<FlowTask> tasks, Optional<String> traceId) {
        this(taskId, fileId, appId, subAppId, procedure, priority, notifyMode, sessionContext, sessionId, status, createdAt, updatedAt,
                finishedAt, tasks, traceId, notifyMode);
    }

    /** A flow without a trace. */
    public TaskFlow(String taskId, String fileId, long appId, long subAppId, String procedure, int priority, String notifyMode,
                    String sessionContext, String sessionId, String status, Instant createdAt, Instant updatedAt,
                    Optional<Instant> finishedAt, List<FlowTask> tasks) {
        this(taskId, fileId, appId, subAppId, procedure, priority, notifyMode, sessionContext, sessionId, status, createdAt, updatedAt,
                finishedAt, tasks, Optional.empty());
    }
}
