package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * Runs several tasks of one flow in one pass over their source, e.g. every rendition of a flow's
 * Transcode and AdaptiveDynamicStreaming tasks from one decode ({@code RenditionLadder}). The
 * engine claims a task that a joint step {@link #joins joins} together with the other tasks of its
 * flow that the same step joins and that were never tried (each with its own lease and attempt),
 * runs them with {@link #run}, and records each task's result as if it had run alone. A task
 * retried for any reason runs alone, with its own {@link TaskStep}.
 */
public interface JointStep {

    /**
     * Whether a task of {@code type} with {@code input} can run together with others; decided from
     * the task alone, without reading the source (e.g. a Transcode of a known preset).
     */
    boolean joins(String type, ObjectNode input);

    /**
     * Runs {@code tasks} (two or more tasks of one flow that this step {@link #joins}, on the same
     * source, each with its own work directory) together, reporting progress 0–100 for all of them.
     *
     * @return the result of each task, in the order of {@code tasks}
     * @throws StepFailure when they all failed alike (e.g. the source cannot be read, or FFmpeg
     *     crashed): each task's attempt fails with it
     */
    List<Result> run(List<Task> tasks, TaskStep.ProgressListener progress) throws StepFailure;

    /** One task of a joint run: its type (e.g. {@code Transcode}) and what its step would get. */
    record Task(String type, StepInput input) {
        public Task {
            Objects.requireNonNull(type, "type == null");
            Objects.requireNonNull(input, "input == null");
        }
    }

    /** What became of one task of a joint run. */
    sealed interface Result {
        /** The task's Output, its files stored. */
        record Done(ObjectNode output) implements Result {
            public Done {
                Objects.requireNonNull(output, "output == null");
            }
        }

        /**
         * The task failed (e.g. storing its files), the others not necessarily: {@code failure} is
         * what its step would have thrown (a {@link StepFailure}, or an unexpected exception).
         */
        record Failed(Exception failure) implements Result {
            public Failed {
                Objects.requireNonNull(failure, "failure == null");
            }
        }

        /**
         * The task is better run by its own step, in the same attempt: the joint run cannot tell
         * what it would give alone (e.g. FFmpeg refused the source, or the source has no picture to
         * share).
         */
        record Alone() implements Result {
        }
    }
}
