package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.files.OwnerOnly;
import io.openvod.core.retry.RetryPolicy;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs task flows. A starter turns requested flows ({@code flow_requests}) into flows and tasks;
 * {@link FlowSettings#workers() workers} (virtual threads) claim the highest-priority due task
 * with a lease, renew it while the task's {@link TaskStep} runs, and record the result. A step
 * that fails transiently (storage or database unavailable, review engine unreachable) is tried
 * again per the {@link FlowSettings#retry() retry policy} (minutes, with backoff and jitter); one
 * that fails otherwise retryably, throws, or runs past the timeout is tried again after a backoff,
 * up to the maximum attempts; each retry is logged at WARN; a task of a type no step handles fails with
 * {@code FailedOperation.UnsupportedTaskType}; a task on media longer than
 * {@link FlowSettings#maxDuration()} fails at once with {@code FailedOperation.InvalidInput}. A
 * task whose worker died is claimed again when its lease runs out (it counts as an attempt).
 */
public final class FlowEngine implements AutoCloseable {
    /** ErrCodeExt of a task whose type no registered step runs. */
    public static final String UNSUPPORTED_TYPE = "FailedOperation.UnsupportedTaskType";
    /** ErrCodeExt of an attempt that ran past the timeout. */
    public static final String TIMEOUT = "FailedOperation.Timeout";
    /** ErrCodeExt of a step that failed unexpectedly, or of a task whose workers kept dying. */
    public static final String INTERNAL = "InternalError";
    /** ErrCodeExt of a task whose media was deleted. */
    public static final String MEDIA_GONE = "FailedOperation.MediaNotExist";
    /** ErrCodeExt of a task on media longer than {@link FlowSettings#maxDuration()} (or not readable media). */
    public static final String TOO_LONG = "FailedOperation.InvalidInput";
    private static final Logger LOG = LoggerFactory.getLogger(FlowEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqlTaskFlows flows;
    private final MediaCatalog catalog;
    private final ObjectStore store;
    private final StorageLayout layout;
    private final Map<String, TaskStep> steps = new HashMap<>();
    private final FlowSettings settings;
    private final Clock clock;
    private final String owner = "worker-" + UUID.randomUUID();
    /** Wake-ups of the workers (a task may be due). */
    private final Semaphore work = new Semaphore(0);
    /** Wake-ups of the starter (a flow may have been requested); apart, so a worker never takes the starter's. */
    private final Semaphore requests = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private ScheduledExecutorService heartbeats;

    public FlowEngine(SqlTaskFlows flows, MediaCatalog catalog, ObjectStore store, StorageLayout layout, List<TaskStep> steps,
                      FlowSettings settings, Clock clock) {
        this.flows = flows;
        this.catalog = catalog;
        this.store = store;
        this.layout = layout;
        for (TaskStep step : steps) {
            if (this.steps.putIfAbsent(step.type(), step) != null) {
                throw new IllegalArgumentException("two steps of type " + step.type());
            }
        }
        this.settings = settings;
        this.clock = clock;
    }

    /** Starts the starter and the workers. */
    public synchronized void start() {
        if (settings.workers() == 0 || !running.compareAndSet(false, true)) {
            return;
        }
        removeLeftovers();
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("openvod-flow-heartbeat").daemon().factory());
        threads.add(Thread.ofVirtual().name("openvod-flow-starter").start(this::starterLoop));
        for (int i = 0; i < settings.workers(); i++) {
            threads.add(Thread.ofVirtual().name("openvod-flow-worker-" + i).start(this::workerLoop));
        }
    }

    /**
     * Removes the work directories ({@code openvod-task-*}) that a node killed while its tasks ran
     * left in the work root, and creates the root. Not in the JVM's shared temporary directory,
     * where another process's tasks may be running.
     */
    private void removeLeftovers() {
        Path root = settings.workRoot().toAbsolutePath().normalize();
        try {
            OwnerOnly.createDirectories(root);
            if (root.equals(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize())) {
                return;
            }
            try (Stream<Path> leftovers = Files.list(root)) {
                leftovers.filter(p -> p.getFileName().toString().startsWith("openvod-task-") && Files.isDirectory(p)).forEach(p -> {
                    LOG.info("removing the work directory {} left by an earlier run", p.getFileName());
                    deleteQuietly(p);
                });
            }
        } catch (IOException e) {
            LOG.warn("cannot clean the work directory {}: {}", root, e.toString());
        }
    }

    /** Tells idle workers and the starter to look for work now (e.g. after a commit). */
    public void wake() {
        requests.release();
        work.release(settings.workers());
    }

    public SqlTaskFlows flows() {
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
            Optional<SqlTaskFlows.Claim> claim;
            try {
                claim = flows.claim(owner, settings.lease().toMillis());
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

    /** Runs one claimed task to a recorded result (or lets it go when the lease was lost or the node stops). */
    void runTask(SqlTaskFlows.Claim claim) {
        FlowTask task = claim.task();
        if (claim.abandoned() && task.attempts() > settings.maxAttempts()) {
            flows.fail(task.id(), owner, INTERNAL, "the task was interrupted " + (task.attempts() - 1) + " times", Optional.empty());
            return;
        }
        TaskStep step = steps.get(task.type());
        if (step == null) {
            flows.fail(task.id(), owner, UNSUPPORTED_TYPE, "no step of type " + task.type() + " runs on this platform", Optional.empty());
            return;
        }
        Optional<Media> media = catalog.find(claim.fileId());
        if (media.isEmpty()) {
            flows.fail(task.id(), owner, MEDIA_GONE, "media " + claim.fileId() + " no longer exists", Optional.empty());
            return;
        }
        double claimed = duration(media.get());
        double longest = settings.maxDurationFor(media.get().subAppId()).toMillis() / 1000.0;
        if (claimed > longest) {
            flows.fail(task.id(), owner, TOO_LONG, tooLong(claimed, longest), Optional.empty());
            return;
        }
        Thread worker = Thread.currentThread();
        AtomicInteger progress = new AtomicInteger(0);
        AtomicBoolean lost = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        // the heartbeat interrupts the worker only while the step runs, never after
        Object interruptGuard = new Object();
        AtomicBoolean stepOver = new AtomicBoolean();
        long deadline = clock.millis() + settings.timeout().toMillis();
        long every = Math.max(1, settings.heartbeat().toMillis());
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                if (!flows.heartbeat(task.id(), owner, progress.get(), settings.lease().toMillis())) {
                    lost.set(true);
                } else if (clock.millis() > deadline) {
                    timedOut.set(true);
                } else {
                    return;
                }
                synchronized (interruptGuard) {
                    if (!stepOver.get()) {
                        worker.interrupt();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("renewing the lease of task {} failed: {}", task.id(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        Path workDir = null;
        ObjectNode output = null;
        String errCode = null;
        String message = null;
        boolean retryable = false;
        boolean passing = false;
        try {
            workDir = Files.createTempDirectory(settings.workRoot(), "openvod-task-");
            Media m = media.get();
            Path source = source(m, workDir);
            StepInput input = new StepInput(task.taskId(), m.fileId(), source, claimed, longest, SqlTaskFlows.object(task.input()), workDir,
                    new StoreStepOutputs(store, layout, m.bucket(), m.subAppId(), m.fileId()));
            output = step.run(input, percent -> progress.set(Math.max(0, Math.min(100, percent))));
            if (output == null) {
                output = JSON.createObjectNode();
            }
        } catch (StepFailure f) {
            errCode = f.errCodeExt();
            message = f.getMessage();
            retryable = f.retryable();
            passing = retryable && TransientFailures.isTransient(f);
        } catch (IOException | RuntimeException e) {
            errCode = INTERNAL;
            message = "the step failed: " + e;
            retryable = true;
            passing = TransientFailures.isTransient(e);
        } finally {
            synchronized (interruptGuard) {
                stepOver.set(true);
            }
            beat.cancel(false);
            Thread.interrupted();
            deleteQuietly(workDir);
        }
        if (lost.get()) {
            LOG.info("task {} lost its lease; its result is dropped", task.id());
            return;
        }
        if (!running.get()) {
            flows.release(task.id(), owner);
            return;
        }
        if (timedOut.get()) {
            output = null;
            errCode = TIMEOUT;
            message = "the step ran longer than " + settings.timeout();
            retryable = true;
        }
        if (output != null) {
            flows.succeed(task.id(), owner, output);
            return;
        }
        OptionalLong delay = retryDelay(task.attempts(), retryable, passing);
        if (delay.isPresent()) {
            LOG.warn("task {} ({}, flow {}) failed on attempt {}{}: {}: {}; retrying in {} ms", task.id(), task.type(), task.taskId(),
                    task.attempts(), passing ? " (transient)" : "", errCode, message, delay.getAsLong());
            flows.fail(task.id(), owner, errCode, message, Optional.of(Instant.ofEpochMilli(clock.millis() + delay.getAsLong())));
            return;
        }
        if (retryable) {
            LOG.warn("task {} ({}, flow {}) failed on attempt {} and is given up: {}: {}", task.id(), task.type(), task.taskId(),
                    task.attempts(), errCode, message);
        }
        flows.fail(task.id(), owner, errCode, message, Optional.empty());
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

    /** The media's original as a local file: the stored file itself, or a copy in the work directory. */
    private Path source(Media m, Path workDir) throws IOException {
        String key = StorageLayout.storeKey(m.bucket(), m.mediaKey());
        Optional<Path> local = store.localFile(key);
        if (local.isPresent()) {
            return local.get();
        }
        Path copy = workDir.resolve("source." + (m.type().matches("[a-z0-9]{1,10}") ? m.type() : "bin"));
        long size = store.stat(key).orElseThrow(() -> new IOException("the media's object " + key + " is missing")).size();
        try (InputStream in = store.read(key, 0, size)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /** The message of a task refused because its media is longer than this platform processes. */
    public static String tooLong(double seconds, double longestSeconds) {
        return String.format(java.util.Locale.ROOT, "the media lasts %.0f s, longer than the %.0f s this platform processes "
                + "(platform.flows.maxDuration, maxDurationByApp)", seconds, longestSeconds);
    }

    private static double duration(Media m) {
        return m.metadataJson().map(json -> {
            try {
                return JSON.readTree(json).path("Duration").asDouble(0);
            } catch (IOException e) {
                return 0.0;
            }
        }).orElse(0.0);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot remove the work directory {}: {}", dir, e.toString());
        }
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
