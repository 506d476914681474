package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One kind of sub-task of a task flow (spec: event-protocol §6.2, §13): transcoding, snapshots,
 * a cover, content review. The engine runs it on a worker with a lease; a step that crashed or
 * timed out is run again from the start, so a step must be idempotent (writing its outputs
 * again under the same keys is fine).
 */
public interface TaskStep {

    /** Tencent's result {@code Type}, e.g. {@code Transcode}, {@code SnapshotByTimeOffset}, {@code CoverBySnapshot}. */
    String type();

    /**
     * Runs the step and returns Tencent's {@code Output} object of this type (e.g. a
     * {@code MediaTranscodeItem} for Transcode). Reports progress 0–100 as it goes.
     *
     * @throws StepFailure with Tencent's {@code ErrCodeExt} and a message when the step fails
     */
    ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure;

    /** Receives a step's progress, 0–100; may be called often, the engine records changes. */
    @FunctionalInterface
    interface ProgressListener {
        void progress(int percent);
    }
}
