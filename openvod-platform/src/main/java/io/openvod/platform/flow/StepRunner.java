package io.openvod.platform.flow;

import io.openvod.platform.catalog.Media;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.StorageLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs the steps of claimed tasks on their media's original, each task in a work directory of its
 * own that is removed afterwards: one task alone with its {@link TaskStep}, or several tasks of a
 * flow together with a {@link JointStep} (the original read once; a task the joint step gives back
 * runs alone afterwards, in the same attempt).
 */
final class StepRunner {
    private final WorkRoot workRoot;
    private final MediaSource source;
    private final ObjectStore store;
    private final StorageLayout layout;

    StepRunner(WorkRoot workRoot, MediaSource source, ObjectStore store, StorageLayout layout) {
        this.workRoot = workRoot;
        this.source = source;
        this.store = store;
        this.layout = layout;
    }

    /**
     * Runs {@code task} alone.
     *
     * @param stepOver called as soon as the step is over, before its files are removed (stops the lease's heartbeat)
     */
    StepAttempt alone(FlowTask task, TaskStep step, Media m, double seconds, double longest, TaskStep.ProgressListener progress,
                      Runnable stepOver) {
        Path workDir = null;
        try {
            workDir = workRoot.newDirectory();
            return StepAttempt.done(step.run(input(task, m, source.localFile(m, workDir), seconds, longest, workDir), progress));
        } catch (StepFailure | IOException | RuntimeException e) {
            return StepAttempt.failed(e);
        } finally {
            stepOver.run();
            WorkRoot.delete(workDir);
        }
    }

    /**
     * Runs {@code tasks} (of one flow) together with {@code joint}; those it gives back run alone
     * with their step in {@code steps}, on the same copy of the original.
     *
     * @return each task's attempt, in order; all failed alike when the joint run failed as a whole
     */
    List<StepAttempt> together(List<FlowTask> tasks, JointStep joint, Map<String, TaskStep> steps, Media m, double seconds,
                               double longest, TaskStep.ProgressListener progress, Runnable stepOver) {
        List<Path> workDirs = new ArrayList<>();
        try {
            Path original = null;
            List<JointStep.Task> joined = new ArrayList<>();
            for (FlowTask task : tasks) {
                Path workDir = workRoot.newDirectory();
                workDirs.add(workDir);
                original = original == null ? source.localFile(m, workDir) : original;
                joined.add(new JointStep.Task(task.type(), input(task, m, original, seconds, longest, workDir)));
            }
            List<JointStep.Result> results = joint.run(joined, progress);
            if (results.size() != tasks.size()) {
                throw new IllegalStateException("a joint step gave " + results.size() + " results for " + tasks.size() + " tasks");
            }
            List<StepAttempt> attempts = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                attempts.add(attempt(tasks.get(i), results.get(i), steps, m, original, seconds, longest, progress));
            }
            return attempts;
        } catch (StepFailure | IOException | RuntimeException e) {
            return Collections.nCopies(tasks.size(), StepAttempt.failed(e));
        } finally {
            stepOver.run();
            workDirs.forEach(WorkRoot::delete);
        }
    }

    private StepAttempt attempt(FlowTask task, JointStep.Result result, Map<String, TaskStep> steps, Media m, Path original,
                                double seconds, double longest, TaskStep.ProgressListener progress) {
        return switch (result) {
            case JointStep.Result.Done done -> StepAttempt.done(done.output());
            case JointStep.Result.Failed failed -> StepAttempt.failed(failed.failure());
            case JointStep.Result.Alone alone -> aloneOn(task, steps.get(task.type()), m, original, seconds, longest, progress);
        };
    }

    /** Runs {@code task} alone on {@code original}, a local copy of the media's that the caller removes. */
    private StepAttempt aloneOn(FlowTask task, TaskStep step, Media m, Path original, double seconds, double longest,
                                TaskStep.ProgressListener progress) {
        Path workDir = null;
        try {
            if (step == null) {
                throw new IllegalStateException("no step of type " + task.type());
            }
            workDir = workRoot.newDirectory();
            return StepAttempt.done(step.run(input(task, m, original, seconds, longest, workDir), progress));
        } catch (StepFailure | IOException | RuntimeException e) {
            return StepAttempt.failed(e);
        } finally {
            WorkRoot.delete(workDir);
        }
    }

    private StepInput input(FlowTask task, Media m, Path original, double seconds, double longest, Path workDir) {
        return new StepInput(task.taskId(), m.fileId(), original, seconds, longest, FlowJson.object(task.input()), workDir,
                new StoreStepOutputs(store, layout, m.bucket(), m.subAppId(), m.fileId()));
    }
}
