package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a step works on.
 *
 * @param taskId the flow's task id (ProcedureTaskId)
 * @param fileId the media
 * @param source the media's original file, readable (a local file; the engine makes a temporary
 *     copy when the object store keeps no files)
 * @param durationSeconds the source's duration from its MetaData (0 when unknown); a header may
 *     claim more than the file holds, see {@code StepSupport.duration}
 * @param maxDurationSeconds the longest media this platform processes ({@code platform.flows.maxDuration});
 *     a step refuses a longer source with {@code SourceFileError.ContentUnsupported}
 * @param taskInput Tencent's task input, e.g. {@code {"Definition": 100010}} or
 *     {@code {"Definition": 10, "PositionType": "Time", "PositionValue": 2}}
 * @param workDir a private, empty directory for temporary files; removed after the step
 * @param outputs where the step stores what it produces
 */
public record StepInput(String taskId, String fileId, Path source, double durationSeconds, double maxDurationSeconds,
                        ObjectNode taskInput, Path workDir, StepOutputs outputs) {
    /** The longest media processed when nothing else is configured: 6 hours. */
    public static final double DEFAULT_MAX_DURATION_SECONDS = 6 * 3600;

    /** An input limited to {@link #DEFAULT_MAX_DURATION_SECONDS}. */
    public StepInput(String taskId, String fileId, Path source, double durationSeconds, ObjectNode taskInput, Path workDir,
                     StepOutputs outputs) {
        this(taskId, fileId, source, durationSeconds, DEFAULT_MAX_DURATION_SECONDS, taskInput, workDir, outputs);
    }

    public StepInput {
        if (!(maxDurationSeconds > 0)) {
            throw new IllegalArgumentException("maxDurationSeconds must be positive");
        }
        Objects.requireNonNull(taskId, "taskId == null");
        Objects.requireNonNull(fileId, "fileId == null");
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(taskInput, "taskInput == null");
        Objects.requireNonNull(workDir, "workDir == null");
        Objects.requireNonNull(outputs, "outputs == null");
    }
}
