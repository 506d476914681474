package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.TraceParent;
import io.openvod.platform.catalog.FlowRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable task flows and their queue of tasks, shared by every node on the database. A flow
 * is started from a requested one ({@code flow_requests}); each of its tasks is claimed by one
 * worker at a time with a lease that the worker renews; the worker records the task's success or
 * failure, or gives it back. A flow is {@code FINISH} when every task is SUCCESS or FAIL.
 *
 * <p>Every state change is one transaction that also writes the events it causes
 * ({@link FlowEvents} decides which), and, on success, the {@link MediaChange} the flow decided.
 * The write methods return false, writing nothing, when the lease is no longer {@code owner}'s
 * (it ran out and another worker took the task, or the task was given back).
 *
 * <p>Claiming is fair across applications: the application with the fewest running tasks goes
 * first, then the one served longest ago, then the one with the oldest due task; within an
 * application the highest priority, then the oldest. Several nodes may claim at once: each task
 * is claimed by one of them. Every method throws an unchecked exception when the database fails;
 * nothing is then written, and the caller tries again later.
 */
public interface TaskQueue {

    /**
     * A claimed task with what its worker needs to know of the flow.
     *
     * @param abandoned whether the task was taken from a worker whose lease ran out (it died)
     * @param traceId the flow's trace, in which the attempt runs; empty for a flow without one
     * @param companions the other tasks of the flow claimed with it ({@link Companions}), in
     *     template order; each is the worker's with the same lease, its attempt counted
     */
    record Claim(FlowTask task, String fileId, long subAppId, boolean abandoned, Optional<String> traceId,
                 List<FlowTask> companions) {
        public Claim {
            companions = List.copyOf(companions);
        }

        /** A task claimed alone. */
        public Claim(FlowTask task, String fileId, long subAppId, boolean abandoned, Optional<String> traceId) {
            this(task, fileId, subAppId, abandoned, traceId, List.of());
        }

        /** The claimed task, then its companions. */
        public List<FlowTask> tasks() {
            List<FlowTask> all = new ArrayList<>(companions.size() + 1);
            all.add(task);
            all.addAll(companions);
            return List.copyOf(all);
        }
    }

    /**
     * Which other tasks of its flow a worker takes together with the task it claims, to run them in
     * one pass (a domain rule the queue applies in the claim's transaction).
     */
    @FunctionalInterface
    interface Companions {
        /** No task is taken along. */
        Companions NONE = (claimed, flow) -> List.of();

        /**
         * The tasks to take with {@code claimed} (which is already taken: its attempt counted), out of
         * {@code flow} as it is now. The queue takes those that are still due and that no other
         * worker is claiming, and leaves the others.
         */
        List<FlowTask> of(FlowTask claimed, TaskFlow flow);
    }

    /** The Output of one succeeded task. */
    record TaskOutput(String type, ObjectNode output) {
    }

    /**
     * Turns up to {@code limit} requested flows into flows with their tasks, each in the trace of its
     * request ({@link FlowRequest#traceId()}); returns how many it started.
     */
    int startPending(int limit);

    /**
     * Records the flows {@code requests} (a Procedure flow and a ReviewAudioVideo task of one
     * request, sharing its SessionId) and starts them, in one transaction; the SessionId is
     * checked once ({@code ProcessMedia}, {@code ProcessMediaByProcedure}, {@code ReviewAudioVideo}); each flow
     * keeps its request's trace.
     *
     * @return false, with nothing written, when {@code requests} is empty or the first request's
     *     SessionId was used by the same application within {@code sessionWindow}
     */
    boolean submit(List<FlowRequest> requests, Duration sessionWindow);

    /**
     * Claims a due task for {@code owner} until {@code now + leaseMillis}: a waiting task whose time
     * has come, or a running one whose lease ran out (its worker died; the claim is then
     * {@link Claim#abandoned()}). Each claim counts an attempt.
     *
     * @return empty when no task is due (or every due task is being claimed by another node)
     */
    default Optional<Claim> claim(String owner, long leaseMillis) {
        return claim(owner, leaseMillis, Companions.NONE);
    }

    /**
     * Claims a due task as {@link #claim(String, long)} does, and, in the same transaction, the
     * tasks of its flow that {@code companions} names and that are still due and not being claimed
     * by another worker, each for {@code owner} until the same time, each attempt counted, each
     * claim reported as a task's claim is ({@link FlowEvents#afterClaim}).
     *
     * @return empty when no task is due (or every due task is being claimed by another node)
     */
    Optional<Claim> claim(String owner, long leaseMillis, Companions companions);

    /** Renews the lease of a running task and records its progress (0–100); false when the lease is no longer {@code owner}'s. */
    boolean heartbeat(String id, String owner, int progress, long leaseMillis);

    /**
     * Records a task's success with its Output and applies {@code change} to the flow's media; the
     * events it writes carry {@code writer}, the position of the step that ran the task (empty: the
     * flow's trace, {@link FlowEvents}).
     */
    boolean succeed(String id, String owner, ObjectNode output, MediaChange change, Optional<TraceParent> writer);

    /** {@link #succeed(String, String, ObjectNode, MediaChange, Optional)} outside any step: events in the flow's trace. */
    default boolean succeed(String id, String owner, ObjectNode output, MediaChange change) {
        return succeed(id, owner, output, change, Optional.empty());
    }

    /** Records a failed attempt: the task waits until {@code retryAt} for another one. */
    boolean retryLater(String id, String owner, String errCodeExt, String message, Instant retryAt);

    /**
     * Records that the task failed for good with {@code errCodeExt} and {@code message}; the events it
     * writes carry {@code writer} (empty: the flow's trace).
     */
    boolean fail(String id, String owner, String errCodeExt, String message, Optional<TraceParent> writer);

    /** {@link #fail(String, String, String, String, Optional)} outside any step: events in the flow's trace. */
    default boolean fail(String id, String owner, String errCodeExt, String message) {
        return fail(id, owner, errCodeExt, message, Optional.empty());
    }

    /** Gives a running task back to the queue without counting the attempt (the node is stopping). */
    boolean release(String id, String owner);

    /**
     * Runs the failed tasks of flow {@code taskId} again (from a first attempt); the flow is
     * PROCESSING until they are done and then finishes again, with a new event.
     *
     * @return how many tasks were queued (0 for an unknown flow)
     */
    int rerunFailed(String taskId);

    /**
     * The flow with its tasks, read at one moment: a FINISH flow never shows a task still running.
     * A flow asked for that no node started yet is {@code WAITING}, without tasks.
     */
    Optional<TaskFlow> find(String taskId);

    /**
     * Flows as {@code query} asks, newest first (by when they were asked for, then by TaskId), also
     * those asked for that no node started yet ({@code WAITING}, without tasks).
     */
    List<FlowSummary> list(FlowQuery query);

    /** The Outputs of the succeeded tasks of every flow of the media, in the order they finished. */
    List<TaskOutput> outputs(String fileId);

    /** The waiting ({@code WAITING}: not yet claimed, or waiting for a retry) tasks per task type (metrics). */
    Map<String, Waiting> depthByType();

    /** How many tasks of a type wait, and when the oldest of them was created. */
    record Waiting(long tasks, Instant oldestCreated) {
    }
}
