package io.openvod.platform.flow;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A task flow as lists show it ({@link TaskQueue#list}): a flow an upload or an API call asked
 * for, started or not yet.
 *
 * @param taskId the TaskId (an upload's ProcedureTaskId or ReviewAudioVideoTaskId)
 * @param procedure the template's name; empty for ad-hoc tasks (ProcessMedia, a ReviewAudioVideo task)
 * @param reviewTask whether it is a {@code ReviewAudioVideo} task rather than a procedure
 * @param finished whether every task of the flow is done (SUCCESS or FAIL)
 * @param tasks how many tasks the flow has (0 until it started)
 * @param failedTasks how many of them failed for good
 * @param createdAt when the flow was asked for
 * @param beganAt when its first task began, if one did
 * @param finishedAt when its last task ended, once {@code finished}
 * @param sessionId the SessionId it was submitted with; empty when none
 */
public record FlowSummary(String taskId, String fileId, long subAppId, String procedure, boolean reviewTask, boolean finished,
                          int tasks, int failedTasks, Instant createdAt, Optional<Instant> beganAt, Optional<Instant> finishedAt,
                          String sessionId, String sessionContext) {
    /** The statuses of {@link #status()}, as Tencent's DescribeTasks and DescribeTaskDetail name them. */
    public static final List<String> STATUSES = List.of("WAITING", "PROCESSING", "FINISH");

    public FlowSummary {
        Objects.requireNonNull(taskId, "taskId == null");
        procedure = procedure == null ? "" : procedure;
        sessionId = sessionId == null ? "" : sessionId;
        sessionContext = sessionContext == null ? "" : sessionContext;
    }

    /** {@code FINISH} when every task is done, {@code PROCESSING} once a task began, else {@code WAITING}. */
    public String status() {
        return finished ? "FINISH" : beganAt.isPresent() ? "PROCESSING" : "WAITING";
    }

    /** Tencent's TaskType: {@code ReviewAudioVideo} or {@code Procedure}. */
    public String taskType() {
        return reviewTask ? ReviewAudioVideoEvents.TYPE : "Procedure";
    }
}
