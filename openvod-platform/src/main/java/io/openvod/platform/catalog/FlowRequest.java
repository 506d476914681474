package io.openvod.platform.catalog;

import java.util.Objects;

/**
 * A task flow that an upload asked for ({@code procedure} in its signature), recorded with the
 * upload's commit for the task-flow engine to run.
 *
 * @param taskId the ProcedureTaskId reported in NewFileUpload
 * @param notifyMode {@code Finish}, {@code Change} or {@code None}
 */
public record FlowRequest(String taskId, String fileId, long appId, long subAppId, String procedure, int taskPriority,
                          String notifyMode, String sessionContext) {
    public FlowRequest {
        Objects.requireNonNull(taskId, "taskId == null");
        Objects.requireNonNull(procedure, "procedure == null");
        notifyMode = notifyMode == null ? "Finish" : notifyMode;
        sessionContext = sessionContext == null ? "" : sessionContext;
    }
}
