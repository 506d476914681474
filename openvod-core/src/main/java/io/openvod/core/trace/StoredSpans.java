package io.openvod.core.trace;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every ended span in the service's {@link TraceLog}, for {@code openvod trace}. A step never
 * waits for the database: its span goes into a bounded queue ({@value #CAPACITY}); when the queue is
 * full the span is dropped and counted, with one warning a minute at most. A daemon thread writes
 * the queue in batches of up to {@value #BATCH}, every {@value #DELAY_MS} ms or as soon as a batch is
 * full, and removes the spans older than the retention about once an hour. A write that fails is
 * logged (once a minute at most) and its spans are lost; the steps go on. {@link #forceFlush} and
 * {@link #shutdown} write what is queued.
 */
final class StoredSpans implements SpanProcessor {
    static final int CAPACITY = 10_000;
    static final int BATCH = 500;
    static final long DELAY_MS = 200;
    static final Duration SWEEP_EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(StoredSpans.class);
    private static final long SHUTDOWN_WAIT_MS = 5_000;

    private final TraceLog log;
    private final String service;
    private final Duration retention;
    private final Clock clock;
    private final BlockingQueue<ReadableSpan> queue;
    private final Semaphore wake = new Semaphore(0);
    private final ConcurrentLinkedQueue<CompletableResultCode> flushes = new ConcurrentLinkedQueue<>();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final OncePerMinute dropWarning = new OncePerMinute();
    private final OncePerMinute writeWarning = new OncePerMinute();
    private final Thread writer;
    private volatile boolean stopping;
    private Instant nextSweep;

    private final Predicate<String> stored;

    private StoredSpans(TraceLog log, String service, Duration retention, int capacity, Clock clock, Predicate<String> stored) {
        this.stored = Objects.requireNonNull(stored, "stored == null");
        this.log = Objects.requireNonNull(log, "log == null");
        this.service = Objects.requireNonNull(service, "service == null");
        this.retention = Objects.requireNonNull(retention, "retention == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.nextSweep = clock.instant();
        this.writer = Thread.ofPlatform().daemon().name("openvod-trace-log-" + service).unstarted(this::run);
    }

    /** Starts the writer of {@code service}'s spans into {@code log}; spans older than {@code retention} are swept. */
    static StoredSpans start(TraceLog log, String service, Duration retention, Predicate<String> stored) {
        return start(log, service, retention, CAPACITY, Clock.systemUTC(), stored);
    }

    static StoredSpans start(TraceLog log, String service, Duration retention, int capacity, Clock clock) {
        return start(log, service, retention, capacity, clock, name -> true);
    }

    /** Starts the writer; only spans whose name {@code stored} accepts are kept. */
    static StoredSpans start(TraceLog log, String service, Duration retention, int capacity, Clock clock, Predicate<String> stored) {
        StoredSpans spans = new StoredSpans(log, service, retention, capacity, clock, stored);
        spans.writer.start();
        return spans;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
    }

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        if (stopping || !stored.test(span.getName())) {
            return;
        }
        if (!queue.offer(span)) {
            long n = dropped.incrementAndGet();
            if (dropWarning.due()) {
                LOG.warn("tracing: {} steps are waiting to be written to the trace_spans table; {} steps dropped so far "
                        + "(openvod trace will miss them). Is the database slow?", queue.size(), n);
            }
        } else if (queue.size() >= BATCH) {
            wake.release();
        }
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    /** Writes every span queued before this call; the result completes when they are written (or lost). */
    @Override
    public CompletableResultCode forceFlush() {
        if (!writer.isAlive()) {
            return CompletableResultCode.ofSuccess();
        }
        CompletableResultCode done = new CompletableResultCode();
        flushes.add(done);
        wake.release();
        if (!writer.isAlive()) {
            flushes.remove(done);
            done.succeed();
        }
        return done;
    }

    /** Writes what is queued and stops the writer, waiting at most five seconds. */
    @Override
    public CompletableResultCode shutdown() {
        stopping = true;
        wake.release();
        try {
            writer.join(SHUTDOWN_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return writer.isAlive() ? CompletableResultCode.ofFailure() : CompletableResultCode.ofSuccess();
    }

    /** Spans dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    /** Spans lost because their write failed. */
    long lost() {
        return lost.get();
    }

    private void run() {
        boolean last = false;
        while (!last) {
            try {
                wake.tryAcquire(DELAY_MS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                stopping = true;
            }
            last = stopping;
            List<CompletableResultCode> asked = new ArrayList<>();
            for (CompletableResultCode c; (c = flushes.poll()) != null; ) {
                asked.add(c);
            }
            writeQueued();
            asked.forEach(CompletableResultCode::succeed);
            if (!last) {
                sweepWhenDue();
            }
        }
        flushes.forEach(CompletableResultCode::succeed);
    }

    private void writeQueued() {
        List<ReadableSpan> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<ReadableSpan> batch) {
        List<StoredSpan> rows = new ArrayList<>(batch.size());
        for (ReadableSpan span : batch) {
            try {
                rows.add(SpanRows.of(span.toSpanData(), service));
            } catch (RuntimeException e) {
                lost.incrementAndGet(); // a span the table cannot hold (never one of OpenVOD's steps)
            }
        }
        try {
            log.record(rows);
        } catch (RuntimeException e) {
            long n = lost.addAndGet(rows.size());
            if (writeWarning.due()) {
                LOG.warn("tracing: could not write {} steps to the trace_spans table ({} lost so far; openvod trace will miss "
                        + "them): {}", rows.size(), n, reason(e));
            }
        }
    }

    private void sweepWhenDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        try {
            int removed = log.sweep(now.minus(retention));
            if (removed > 0) {
                LOG.debug("tracing: removed {} steps older than {} from the trace_spans table", removed, retention);
            }
        } catch (RuntimeException e) {
            if (writeWarning.due()) {
                LOG.warn("tracing: could not remove old steps from the trace_spans table: {}", reason(e));
            }
        }
    }

    /** The failure's type and first line: what went wrong, without stack or bound values. */
    private static String reason(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
