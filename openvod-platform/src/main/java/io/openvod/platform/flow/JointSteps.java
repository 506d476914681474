package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which tasks of a flow run together ({@link JointStep}): a task on its first attempt that a joint
 * step joins takes along the flow's other tasks that the same step joins and that were never tried
 * (waiting, no attempt yet), so that, e.g., every rendition of a flow comes from one decode. A task
 * whose type no registered step runs alone is never joined (it could not fall back), and a task
 * tried before (retried, taken over from a dead worker, re-run) runs alone with its own step: a
 * failure of the joint run is then retried as it always was, task by task.
 */
final class JointSteps implements TaskQueue.Companions {
    private final List<JointStep> joints;
    private final Set<String> types;

    /** @param types the task types the engine has a step for */
    JointSteps(List<JointStep> joints, Set<String> types) {
        this.joints = List.copyOf(joints);
        this.types = Set.copyOf(types);
    }

    /** The joint step that joins {@code task}, if any. */
    Optional<JointStep> of(FlowTask task) {
        if (joints.isEmpty() || !types.contains(task.type())) {
            return Optional.empty();
        }
        Optional<ObjectNode> input = input(task);
        return joints.stream().filter(j -> input.isPresent() && j.joins(task.type(), input.get())).findFirst();
    }

    private static Optional<ObjectNode> input(FlowTask task) {
        try {
            return Optional.of(FlowJson.object(task.input()));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<FlowTask> of(FlowTask claimed, TaskFlow flow) {
        if (claimed.attempts() != 1) {
            return List.of();
        }
        Optional<JointStep> joint = of(claimed);
        if (joint.isEmpty()) {
            return List.of();
        }
        return flow.tasks().stream()
                .filter(t -> !t.id().equals(claimed.id()) && t.status().equals("WAITING") && t.attempts() == 0)
                .filter(t -> of(t).equals(joint))
                .toList();
    }
}
