package io.openvod.platform.flow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a procedure on one media file, with its tasks in template order.
 *
 * @param status {@code PROCESSING} or {@code FINISH}
 * @param notifyMode {@code Finish}, {@code Change} or {@code None}
 * @param sessionId the SessionId it was submitted with; empty when none
 */
public record TaskFlow(String taskId, String fileId, long appId, long subAppId, String procedure, int priority, String notifyMode,
                       String sessionContext, String sessionId, String status, Instant createdAt, Instant updatedAt, Optional<Instant> finishedAt,
                       List<FlowTask> tasks) {
}
