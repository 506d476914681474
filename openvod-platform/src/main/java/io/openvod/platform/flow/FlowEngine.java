package io.openvod.platform.flow;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.core.retry.RetryPolicy;
import io.openvod.core.trace.TraceParent;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.trace.TraceSteps;
import io.openvod.platform.trace.UploadTrace;
import io.openvod.platform.ugc.StorageLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs task flows from a {@link TaskQueue}. A starter turns requested flows ({@code flow_requests})
 * into flows and tasks; {@link FlowSettings#workers() workers} (virtual threads) claim the due task
 * whose turn it is with a lease, renew it while the task's {@link TaskStep} runs
 * ({@link LeaseKeeper}), and record the {@link TaskOutcome}: succeeded (with the
 * {@link MediaChange} the success makes), retried later, failed, dropped (the lease was lost) or
 * given back (the node stops). A step that fails transiently (storage or database unavailable,
 * review engine unreachable) is tried again per the {@link FlowSettings#retry() retry policy}
 * (minutes, with backoff and jitter); one that fails otherwise retryably, throws, or runs past the
 * timeout (however the interrupted step then ended) is tried again after a backoff, up to the
 * maximum attempts; each retry is logged at WARN; a task of a type no step handles fails with
 * {@code InvalidInput.ConfigurationUnsupported}; a task on media longer than
 * {@link FlowSettings#maxDuration()} fails at once with {@code SourceFileError.ContentUnsupported}. A
 * task whose worker died is claimed again when its lease runs out (it counts as an attempt).
 *
 * <p>Tasks of a flow that one of its {@link JointStep}s joins are claimed together on their first
 * attempt ({@link JointSteps}) and run in one pass (e.g. every rendition from one decode), each
 * keeping its own lease, and each judged and recorded as if it had run alone; a task the joint
 * step gives back runs alone in the same attempt, and a retried task always runs alone.
 *
 * <p>Every attempt runs in a trace step {@code task <Type>} (e.g. {@code task Porn}) of the flow's
 * trace, with the attributes {@code openvod.file_id} and {@code openvod.task_id}, marked failed with
 * the ErrCodeExt when the attempt fails; the worker's log lines meanwhile carry its
 * {@code trace_id}, and the events its result writes carry its {@code traceparent}.
 */
public final class FlowEngine implements AutoCloseable {
    /** ErrCodeExt of a task whose type no registered step runs. */
    public static final String UNSUPPORTED_TYPE = TaskErrors.CONFIGURATION_UNSUPPORTED;
    /** ErrCodeExt of an attempt that ran past the timeout. */
    public static final String TIMEOUT = TaskErrors.TIMEOUT;
    /** ErrCodeExt of a step that failed unexpectedly, or of a task whose workers kept dying. */
    public static final String INTERNAL = TaskErrors.INTERNAL;
    /** ErrCodeExt of a task whose media was deleted. */
    public static final String MEDIA_GONE = TaskErrors.SOURCE_GONE;
    /** ErrCodeExt of a task on media longer than {@link FlowSettings#maxDuration()}. */
    public static final String TOO_LONG = TaskErrors.SOURCE_UNSUPPORTED;
    private static final Logger LOG = LoggerFactory.getLogger(FlowEngine.class);

    private final TaskQueue flows;
    private final MediaCatalog catalog;
    private final StorageLayout layout;
    private final Map<String, TaskStep> steps = new HashMap<>();
    private final JointSteps joints;
    private final StepRunner runner;
    private final FlowSettings settings;
    private final WorkRoot workRoot;
    private final Clock clock;
    private final String owner = "worker-" + UUID.randomUUID();
    /** Wake-ups of the workers (a task may be due). */
    private final Semaphore work = new Semaphore(0);
    /** Wake-ups of the starter (a flow may have been requested); apart, so a worker never takes the starter's. */
    private final Semaphore requests = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private final FlowMetrics metrics;
    private final Tracing tracing;

    /** An engine whose attempts run in steps of {@code tracing}. */
    public FlowEngine(TaskQueue flows, MediaCatalog catalog, ObjectStore store, StorageLayout layout, List<TaskStep> steps,
                      FlowSettings settings, Clock clock, Tracing tracing) {
        this(flows, catalog, store, layout, steps, settings, clock, new SimpleMeterRegistry(), tracing);
    }

    /** An engine without joint steps that records in {@code registry} (see the full constructor). */
    public FlowEngine(TaskQueue flows, MediaCatalog catalog, ObjectStore store, StorageLayout layout, List<TaskStep> steps,
                      FlowSettings settings, Clock clock, MeterRegistry registry, Tracing tracing) {
        this(flows, catalog, store, layout, steps, List.of(), settings, clock, registry, tracing);
    }

    /**
     * An engine that runs each task with the step of its type, and the tasks of a flow that one of
     * {@code joints} joins together ({@link JointSteps}); it records its tasks' attempts and queue in
     * {@code registry} ({@link FlowMetrics}) and runs each attempt in a step of {@code tracing}.
     */
    public FlowEngine(TaskQueue flows, MediaCatalog catalog, ObjectStore store, StorageLayout layout, List<TaskStep> steps,
                      List<JointStep> joints, FlowSettings settings, Clock clock, MeterRegistry registry, Tracing tracing) {
        this.tracing = tracing;
        this.flows = flows;
        this.catalog = catalog;
        this.layout = layout;
        for (TaskStep step : steps) {
            if (this.steps.putIfAbsent(step.type(), step) != null) {
                throw new IllegalArgumentException("two steps of type " + step.type());
            }
        }
        this.joints = new JointSteps(joints, this.steps.keySet());
        this.settings = settings;
        this.workRoot = new WorkRoot(settings.workRoot());
        this.runner = new StepRunner(workRoot, new MediaSource(store), store, layout);
        this.clock = clock;
        this.metrics = new FlowMetrics(registry, flows, new TreeSet<>(this.steps.keySet()), clock);
    }

    /** Starts the starter and the workers. */
    public synchronized void start() {
        if (settings.workers() == 0 || !running.compareAndSet(false, true)) {
            return;
        }
        workRoot.removeLeftovers();
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("openvod-flow-heartbeat").daemon().factory());
        threads.add(Thread.ofVirtual().name("openvod-flow-starter").start(this::starterLoop));
        for (int i = 0; i < settings.workers(); i++) {
            threads.add(Thread.ofVirtual().name("openvod-flow-worker-" + i).start(this::workerLoop));
        }
    }

    /** Tells idle workers and the starter to look for work now (e.g. after a commit). */
    public void wake() {
        requests.release();
        work.release(settings.workers());
    }

    /** The queue the engine runs (flows, re-running failed tasks). */
    public TaskQueue flows() {
        return flows;
    }

    private void starterLoop() {
        while (running.get()) {
            try {
                if (flows.startPending(50) > 0) {
                    work.release(settings.workers());
                }
            } catch (RuntimeException e) {
                LOG.warn("starting requested task flows failed: {}", e.toString());
            }
            if (!idle(requests)) {
                return;
            }
        }
    }

    private void workerLoop() {
        while (running.get()) {
            Optional<TaskQueue.Claim> claim;
            try {
                claim = flows.claim(owner, settings.lease().toMillis(), joints);
            } catch (RuntimeException e) {
                LOG.warn("claiming a task failed: {}", e.toString());
                claim = Optional.empty();
            }
            if (claim.isPresent()) {
                try {
                    runTask(claim.get());
                } catch (RuntimeException e) {
                    // the result could not be recorded; the lease runs out and the task is run again
                    LOG.warn("recording task {} failed: {}", claim.get().task().id(), e.toString());
                }
            } else if (!idle(work)) {
                return;
            }
        }
    }

    /** Waits for a wake-up on {@code signal} or the poll interval; false when interrupted (stopping). */
    private boolean idle(Semaphore signal) {
        try {
            signal.tryAcquire(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /**
     * Runs one claimed task to a recorded result (or lets it go when the lease was lost or the node
     * stops), in a step {@code task <Type>} of the flow's trace.
     */
    void runTask(TaskQueue.Claim claim) {
        if (!claim.companions().isEmpty()) {
            runTogether(claim);
            return;
        }
        long started = System.nanoTime();
        FlowTask task = claim.task();
        try (TraceStep step = TraceSteps.background(tracing, "task " + task.type(), UploadTrace.rootOf(claim.traceId()))) {
            step.attribute(TraceSteps.FILE_ID, claim.fileId()).attribute(TraceSteps.TASK_ID, task.taskId());
            TaskOutcome outcome = outcome(claim);
            failure(outcome).ifPresent(step::failed);
            record(task, outcome, step.context());
            metrics.attempt(task.type(), outcome, System.nanoTime() - started);
        }
    }

    /**
     * Runs a claimed task and the companions claimed with it together ({@link JointSteps}), each
     * attempt in a step {@code task <Type>} of the flow's trace, and records each task's result as
     * if it had run alone.
     */
    private void runTogether(TaskQueue.Claim claim) {
        long started = System.nanoTime();
        List<FlowTask> tasks = claim.tasks();
        List<TraceStep> traces = new ArrayList<>();
        try {
            for (FlowTask task : tasks) {
                traces.add(TraceSteps.background(tracing, "task " + task.type(), UploadTrace.rootOf(claim.traceId()))
                        .attribute(TraceSteps.FILE_ID, claim.fileId()).attribute(TraceSteps.TASK_ID, task.taskId()));
            }
            List<TaskOutcome> outcomes = outcomesTogether(claim.fileId(), tasks);
            for (int i = 0; i < tasks.size(); i++) {
                TaskOutcome outcome = outcomes.get(i);
                failure(outcome).ifPresent(traces.get(i)::failed);
                recordOne(tasks.get(i), outcome, traces.get(i).context());
                metrics.attempt(tasks.get(i).type(), outcome, System.nanoTime() - started);
            }
        } finally {
            for (int i = traces.size() - 1; i >= 0; i--) {
                traces.get(i).close();
            }
        }
    }

    /** Records one task's outcome of a joint run; when that fails, its lease runs out and it runs again, the others are still recorded. */
    private void recordOne(FlowTask task, TaskOutcome outcome, TraceParent step) {
        try {
            record(task, outcome, step);
        } catch (RuntimeException e) {
            LOG.warn("recording task {} failed: {}", task.id(), e.toString());
        }
    }

    /** What becomes of tasks run together: refused at once, or each one's result of the joint run, each keeping its lease meanwhile. */
    private List<TaskOutcome> outcomesTogether(String fileId, List<FlowTask> tasks) {
        Optional<Media> found = catalog.find(fileId);
        if (found.isEmpty()) {
            return Collections.nCopies(tasks.size(), new TaskOutcome.Failed(MEDIA_GONE, "media " + fileId + " no longer exists", false));
        }
        Media media = found.get();
        double seconds = MediaSource.durationSeconds(media);
        double longest = settings.maxDurationFor(media.subAppId()).toMillis() / 1000.0;
        if (seconds > longest) {
            return Collections.nCopies(tasks.size(), new TaskOutcome.Failed(TOO_LONG, tooLong(seconds, longest), false));
        }
        List<LeaseKeeper> leases = tasks.stream().map(t -> LeaseKeeper.start(heartbeats, flows, t.id(), owner, settings, clock)).toList();
        TaskStep.ProgressListener progress = percent -> leases.forEach(lease -> lease.progress(percent));
        Runnable stepOver = () -> leases.forEach(LeaseKeeper::stop);
        List<StepAttempt> attempts = joints.of(tasks.getFirst())
                .map(joint -> runner.together(tasks, joint, steps, media, seconds, longest, progress, stepOver))
                .orElseGet(() -> oneByOne(tasks, media, seconds, longest, progress, stepOver));
        List<TaskOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            outcomes.add(judge(tasks.get(i), media, attempts.get(i), leases.get(i)));
        }
        return outcomes;
    }

    /** Tasks claimed together that no joint step runs (not expected): each alone, one after the other. */
    private List<StepAttempt> oneByOne(List<FlowTask> tasks, Media media, double seconds, double longest,
                                       TaskStep.ProgressListener progress, Runnable stepOver) {
        try {
            return tasks.stream().map(t -> runner.alone(t, steps.get(t.type()), media, seconds, longest, progress, () -> { })).toList();
        } finally {
            stepOver.run();
        }
    }

    /** The ErrCodeExt of an attempt that failed, whether or not it is tried again. */
    private static Optional<String> failure(TaskOutcome outcome) {
        return switch (outcome) {
            case TaskOutcome.Retry r -> Optional.of(r.errCodeExt());
            case TaskOutcome.Failed f -> Optional.of(f.errCodeExt());
            default -> Optional.empty();
        };
    }

    /** What becomes of a claimed task: refused at once, or the result of running its step. */
    private TaskOutcome outcome(TaskQueue.Claim claim) {
        FlowTask task = claim.task();
        if (claim.abandoned() && task.attempts() > settings.maxAttempts()) {
            return new TaskOutcome.Failed(INTERNAL, "the task was interrupted " + (task.attempts() - 1) + " times", false);
        }
        TaskStep step = steps.get(task.type());
        if (step == null) {
            return new TaskOutcome.Failed(UNSUPPORTED_TYPE, "no step of type " + task.type() + " runs on this platform", false);
        }
        Optional<Media> media = catalog.find(claim.fileId());
        if (media.isEmpty()) {
            return new TaskOutcome.Failed(MEDIA_GONE, "media " + claim.fileId() + " no longer exists", false);
        }
        return runStep(task, step, media.get());
    }

    /** Runs the step on media not longer than this platform processes, keeping the task's lease meanwhile. */
    private TaskOutcome runStep(FlowTask task, TaskStep step, Media media) {
        double seconds = MediaSource.durationSeconds(media);
        double longest = settings.maxDurationFor(media.subAppId()).toMillis() / 1000.0;
        if (seconds > longest) {
            return new TaskOutcome.Failed(TOO_LONG, tooLong(seconds, longest), false);
        }
        LeaseKeeper lease = LeaseKeeper.start(heartbeats, flows, task.id(), owner, settings, clock);
        StepAttempt attempt = runner.alone(task, step, media, seconds, longest, lease::progress, lease::stop);
        return judge(task, media, attempt, lease);
    }

    /**
     * The outcome of an attempt: dropped when the lease was lost, given back when the node stops,
     * a retryable {@link #TIMEOUT} when it ran too long (however it ended), else its success or error.
     */
    private TaskOutcome judge(FlowTask task, Media media, StepAttempt attempt, LeaseKeeper lease) {
        if (lease.lost()) {
            return new TaskOutcome.LeaseLost();
        }
        if (!running.get()) {
            return new TaskOutcome.Released();
        }
        StepAttempt result = lease.timedOut() ? new StepAttempt.Error(TIMEOUT, "the step ran longer than " + settings.timeout(), true, false)
                : attempt;
        return switch (result) {
            case StepAttempt.Done done -> new TaskOutcome.Succeeded(done.output(),
                    MediaChange.afterSuccess(task.type(), done.output(), layout.url(media.bucket(), "")));
            case StepAttempt.Error error -> afterError(task, error);
        };
    }

    private TaskOutcome afterError(FlowTask task, StepAttempt.Error error) {
        OptionalLong delay = retryDelay(task.attempts(), error.retryable(), error.transientFailure());
        if (delay.isPresent()) {
            return new TaskOutcome.Retry(error.errCodeExt(), error.message(), delay.getAsLong(), error.transientFailure());
        }
        return new TaskOutcome.Failed(error.errCodeExt(), error.message(), error.retryable());
    }

    /** Records {@code outcome} in the queue (its events written at {@code step}), and logs retries and tasks given up at WARN. */
    private void record(FlowTask task, TaskOutcome outcome, TraceParent step) {
        switch (outcome) {
            case TaskOutcome.Succeeded s -> flows.succeed(task.id(), owner, s.output(), s.change(), Optional.of(step));
            case TaskOutcome.Retry r -> {
                LOG.warn("task {} ({}, flow {}) failed on attempt {}{}: {}: {}; retrying in {} ms", task.id(), task.type(), task.taskId(),
                        task.attempts(), r.transientFailure() ? " (transient)" : "", r.errCodeExt(), r.message(), r.delayMillis());
                flows.retryLater(task.id(), owner, r.errCodeExt(), r.message(), Instant.ofEpochMilli(clock.millis() + r.delayMillis()));
            }
            case TaskOutcome.Failed f -> {
                if (f.gaveUp()) {
                    LOG.warn("task {} ({}, flow {}) failed on attempt {} and is given up: {}: {}", task.id(), task.type(), task.taskId(),
                            task.attempts(), f.errCodeExt(), f.message());
                }
                flows.fail(task.id(), owner, f.errCodeExt(), f.message(), Optional.of(step));
            }
            case TaskOutcome.LeaseLost lost -> LOG.info("task {} lost its lease; its result is dropped", task.id());
            case TaskOutcome.Released released -> flows.release(task.id(), owner);
        }
    }

    /**
     * The wait before the next attempt after the {@code failures}-th failed one, or empty when the
     * task fails for good: a transient failure (storage, database, review engine unavailable) is
     * retried per {@link FlowSettings#retry()} until its attempts or time are spent; another
     * retryable one (a crash, a timeout) at most {@link FlowSettings#maxAttempts()} times in all,
     * with the same delays; a permanent one never.
     */
    OptionalLong retryDelay(int failures, boolean retryable, boolean passing) {
        RetryPolicy retry = settings.retry();
        if (passing) {
            return retry.nextDelayMillis(failures, retry.plannedWaitMillis(failures - 1), RetryPolicy.Jitter.random());
        }
        if (retryable && failures < settings.maxAttempts()) {
            return OptionalLong.of(retry.delayMillis(failures, RetryPolicy.Jitter.random()));
        }
        return OptionalLong.empty();
    }

    /** The message of a task refused because its media is longer than this platform processes. */
    public static String tooLong(double seconds, double longestSeconds) {
        return String.format(java.util.Locale.ROOT, "the media lasts %.0f s, longer than the %.0f s this platform processes "
                + "(platform.flows.maxDuration, maxDurationByApp)", seconds, longestSeconds);
    }

    /** Stops the workers; running tasks are given back to the queue. */
    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
        heartbeats.shutdownNow();
    }
}
