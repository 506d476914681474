package io.openvod.platform.flow;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lease of the task a worker thread runs: renews it every {@link FlowSettings#heartbeat()}
 * with the step's progress, and interrupts the worker when the lease was lost (another worker
 * took the task) or the attempt ran past {@link FlowSettings#timeout()}. The worker is
 * interrupted only while the step runs, never after {@link #stop()}.
 */
final class LeaseKeeper {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final TaskQueue queue;
    private final String id;
    private final String owner;
    private final long leaseMillis;
    private final long deadline;
    private final Clock clock;
    private final Thread worker = Thread.currentThread();
    private final AtomicInteger progress = new AtomicInteger();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private final Object interruptGuard = new Object();
    private boolean stepOver;
    private ScheduledFuture<?> beat;

    private LeaseKeeper(TaskQueue queue, String id, String owner, FlowSettings settings, Clock clock) {
        this.queue = queue;
        this.id = id;
        this.owner = owner;
        this.leaseMillis = settings.lease().toMillis();
        this.deadline = clock.millis() + settings.timeout().toMillis();
        this.clock = clock;
    }

    /** Starts keeping the lease of task {@code id} for the calling (worker) thread. */
    static LeaseKeeper start(ScheduledExecutorService heartbeats, TaskQueue queue, String id, String owner, FlowSettings settings,
                             Clock clock) {
        LeaseKeeper keeper = new LeaseKeeper(queue, id, owner, settings, clock);
        long every = Math.max(1, settings.heartbeat().toMillis());
        keeper.beat = heartbeats.scheduleAtFixedRate(keeper::beat, every, every, TimeUnit.MILLISECONDS);
        return keeper;
    }

    /** Records the step's progress (0–100), written with the next heartbeat. */
    void progress(int percent) {
        progress.set(Math.max(0, Math.min(100, percent)));
    }

    private void beat() {
        try {
            if (!queue.heartbeat(id, owner, progress.get(), leaseMillis)) {
                lost.set(true);
            } else if (clock.millis() > deadline) {
                timedOut.set(true);
            } else {
                return;
            }
            synchronized (interruptGuard) {
                if (!stepOver) {
                    worker.interrupt();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("renewing the lease of task {} failed: {}", id, e.toString());
        }
    }

    /** Stops renewing the lease (the step is over) and clears the worker's interrupt; call on the worker thread. */
    void stop() {
        synchronized (interruptGuard) {
            stepOver = true;
        }
        beat.cancel(false);
        Thread.interrupted();
    }

    /** Whether a heartbeat found the lease no longer this worker's. */
    boolean lost() {
        return lost.get();
    }

    /** Whether the attempt ran past its timeout. */
    boolean timedOut() {
        return timedOut.get();
    }
}
