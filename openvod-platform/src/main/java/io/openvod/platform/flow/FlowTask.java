package io.openvod.platform.flow;

import java.time.Instant;
import java.util.Optional;

/**
 * One sub-task of a flow as stored.
 *
 * @param id the task's own id
 * @param taskId the flow's TaskId
 * @param position its place in the template, from 0
 * @param type Tencent's result {@code Type}, e.g. {@code Transcode}
 * @param input the task input as JSON
 * @param status {@code WAITING}, {@code PROCESSING}, {@code SUCCESS} or {@code FAIL}
 * @param attempts how many times a worker has claimed it
 * @param errCodeExt {@code ""} unless it failed (or its last attempt failed)
 * @param output the step's Output as JSON, once SUCCESS
 */
public record FlowTask(String id, String taskId, int position, String type, String input, int priority, String status, int progress,
                       int attempts, String errCodeExt, String message, Optional<String> output, Optional<Instant> beginTime,
                       Optional<Instant> finishTime) {

    /** Whether the task is done, successfully or not. */
    public boolean done() {
        return status.equals("SUCCESS") || status.equals("FAIL");
    }
}
