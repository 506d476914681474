package io.openvod.platform.events.push;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.core.trace.TraceStep;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.catalog.MediaUrls;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.CallbackUrlPolicy;
import io.openvod.platform.events.DeliveryLog;
import io.openvod.platform.events.DeliveryOutcome;
import io.openvod.platform.events.PushDelivery;
import io.openvod.platform.trace.TraceSteps;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends PUSH events. One loop looks for due deliveries every {@link #POLL}, or at once when woken:
 * by a commit on this node that scheduled a PUSH ({@link DeliveryLog#afterPushScheduled}), by the
 * end of a POST, or by {@link #wake()}; the poll finds the deliveries other nodes scheduled and
 * retries coming due. It hands each to a virtual thread: at most {@code concurrency} POSTs at once
 * over all receivers and {@code perReceiver} per receiver, so a slow receiver never holds up the others.
 * The due deliveries are read {@link #BATCH} at a time and started as slots free up; while those
 * left are all to busy receivers they are read again at the next poll, so another receiver's new
 * event waits at most one poll behind a backlog. Before a
 * POST the delivery is claimed in the {@link DeliveryLog} with a lease (its due time moved past the
 * timeout), so that one worker of all nodes sends it at a time and a crash mid-POST only delays it;
 * the deliveries started together are claimed in one transaction. Outcomes: 2xx → delivered;
 * anything else → retried per {@link RetrySchedule}, then dead; they are recorded by an
 * {@link OutcomeWriter}, many in one transaction under load, while the lease still holds the delivery.
 *
 * <p>Every attempt runs in a trace step {@code push <EventType>}, a child of the position stored with
 * the event (a new trace for an event without one), with the attributes {@code openvod.file_id} and
 * {@code openvod.event_id}, marked failed when the receiver does not answer 2xx; the POST carries
 * that step's position as its {@code traceparent} header (the event's trace, the push's own span).
 */
public final class PushDispatcher implements AutoCloseable {
    /** How often the loop looks for due deliveries when nothing wakes it. */
    public static final Duration POLL = Duration.ofMillis(200);
    /** The most due deliveries read at once. */
    static final int BATCH = 64;
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(PushDispatcher.class);

    private final DeliveryLog deliveries;
    private final PushMetrics metrics;
    private final Tracing tracing;
    private final PushSender sender;
    private final RetrySchedule schedule;
    private final Clock clock;
    private final long leaseMillis;
    private final Semaphore global;
    private final ReceiverSlots receivers;
    private final ExecutorService workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("openvod-push-", 0).factory());
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    /** Due deliveries read and not started yet, longest-waiting first; the loop's own. */
    private final ArrayDeque<PushDelivery> fetched = new ArrayDeque<>();
    private long fetchedAt;
    private volatile boolean running = true;
    private final Thread loop;
    private final OutcomeWriter outcomes;

    /**
     * A dispatcher of the PUSH deliveries of {@code deliveries}, not yet sending ({@link #start()}),
     * that signs each application's callbacks with that application's {@code secrets}.
     */
    public PushDispatcher(DeliveryLog deliveries, EventsConfig.Push config, WebhookSecrets secrets, Clock clock, Tracing tracing) {
        this(deliveries, config, secrets, clock, new SimpleMeterRegistry(), tracing);
    }

    /**
     * A dispatcher that counts its deliveries in {@code registry}: {@code openvod_push_deliveries_total{outcome}}
     * ({@code delivered}, {@code retried}, {@code dead}: attempts) and {@code openvod_push_delivery_lag_seconds}
     * (from the delivery's start, when its event was written, to the receiver's 2xx); each attempt
     * is a step of {@code tracing}.
     */
    public PushDispatcher(DeliveryLog deliveries, EventsConfig.Push config, WebhookSecrets secrets, Clock clock, MeterRegistry registry,
                          Tracing tracing) {
        this(deliveries, config, secrets, clock, registry, tracing, Optional.empty());
    }

    /**
     * A dispatcher as above whose POSTs carry the media URLs of the stored bodies on the platform's
     * current media base ({@link MediaUrls}), so an event written before the platform moved (another
     * port, another public URL) names URLs that work when it is delivered.
     */
    public PushDispatcher(DeliveryLog deliveries, EventsConfig.Push config, WebhookSecrets secrets, Clock clock, MeterRegistry registry,
                          Tracing tracing, MediaUrls urls) {
        this(deliveries, config, secrets, clock, registry, tracing, Optional.of(urls));
    }

    private PushDispatcher(DeliveryLog deliveries, EventsConfig.Push config, WebhookSecrets secrets, Clock clock, MeterRegistry registry,
                           Tracing tracing, Optional<MediaUrls> urls) {
        this.tracing = tracing;
        this.metrics = new PushMetrics(registry);
        this.deliveries = deliveries;
        this.clock = clock;
        WebhookSigner signer = new WebhookSigner(secrets, clock);
        this.sender = new PushSender(config.timeout(), new CallbackUrlPolicy(config.allowLoopback(), config.allowPrivateNetworks()),
                signer, config.signed(), clock, urls.orElse(MediaUrls.UNCHANGED));
        this.schedule = new RetrySchedule(config.firstRetry(), config.retryWindow(), config.maxAttempts(),
                bound -> ThreadLocalRandom.current().nextLong(bound));
        this.leaseMillis = config.timeout().plus(LEASE_MARGIN).toMillis();
        this.global = new Semaphore(config.concurrency());
        this.receivers = new ReceiverSlots(config.perReceiver());
        this.outcomes = new OutcomeWriter(deliveries);
        this.loop = Thread.ofPlatform().name("openvod-push-dispatcher").daemon().unstarted(this::run);
        deliveries.afterPushScheduled(this::wake);
    }

    /** Starts sending due PUSH events. */
    public void start() {
        loop.start();
    }

    /** The delivery log: listing and redelivering dead letters. */
    public DeliveryLog deliveries() {
        return deliveries;
    }

    /** Looks for due deliveries now instead of at the next poll (after a commit or a redelivery). */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                dispatchDue();
                pause();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("looking for due events failed: {}", e.toString());
                try {
                    Thread.sleep(POLL.toMillis() * 5);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void pause() throws InterruptedException {
        lock.lock();
        try {
            if (!wakeRequested) {
                woken.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts what it can of the deliveries read last; reads the due ones again when none is left, or
     * when those left (all to receivers without a free slot) were read a {@link #POLL} ago or more,
     * so that a backlog to one receiver costs one read per {@link #BATCH} POSTs, not one per POST.
     */
    private void dispatchDue() {
        startFetched();
        if (global.availablePermits() == 0 || !running) {
            return;
        }
        long now = clock.millis();
        if (!fetched.isEmpty() && now - fetchedAt < POLL.toMillis() && now >= fetchedAt) {
            return;
        }
        fetched.clear();
        fetched.addAll(deliveries.due(now, BATCH, receivers.fullUrls()));
        fetchedAt = now;
        startFetched();
    }

    /**
     * Starts what slots allow of the deliveries read: takes a slot for each, claims them all in one
     * transaction, starts a POST for each claimed and gives back the slots of the others.
     */
    private void startFetched() {
        List<PushDelivery> chosen = new ArrayList<>();
        for (Iterator<PushDelivery> it = fetched.iterator(); it.hasNext() && running; ) {
            PushDelivery d = it.next();
            if (!receivers.tryAcquire(url(d))) {
                continue;
            }
            if (!global.tryAcquire()) {
                receivers.release(url(d));
                break;
            }
            it.remove();
            chosen.add(d);
        }
        if (chosen.isEmpty()) {
            return;
        }
        Set<PushDelivery> started = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            for (PushDelivery d : deliveries.claim(chosen, clock.millis() + leaseMillis)) {
                workers.execute(() -> deliver(d, url(d)));
                started.add(d);
            }
        } finally {
            for (PushDelivery d : chosen) {
                if (!started.contains(d)) {
                    receivers.release(url(d));
                    global.release();
                }
            }
        }
    }

    private static String url(PushDelivery d) {
        return d.targetUrl() == null ? "" : d.targetUrl();
    }

    private void deliver(PushDelivery d, String url) {
        try (TraceStep step = TraceSteps.background(tracing, "push " + d.eventType(), d.traceparent())) {
            step.attribute(TraceSteps.FILE_ID, d.fileId()).attribute(TraceSteps.EVENT_ID, d.eventId());
            deliver(d, step);
        } finally {
            receivers.release(url);
            global.release();
            wake();
        }
    }

    /** One attempt in {@code step}: POSTs the event and records the outcome. */
    private void deliver(PushDelivery d, TraceStep step) {
        try {
            PushSender.Outcome outcome = sender.send(d, step.context());
            long now = clock.millis();
            if (outcome.delivered()) {
                outcomes.submit(DeliveryOutcome.delivered(d, now));
                metrics.delivered(now - d.startedAt());
            } else {
                step.failed(outcome.error());
                OptionalLong next = schedule.nextAttemptAt(d.attempts() + 1, d.startedAt(), now);
                if (next.isPresent()) {
                    outcomes.submit(DeliveryOutcome.retry(d, outcome.error(), next.getAsLong()));
                    metrics.attempt("retried");
                    LOG.debug("event {} attempt {} failed: {}", d.eventId(), d.attempts() + 1, outcome.error());
                } else {
                    outcomes.submit(DeliveryOutcome.dead(d, outcome.error(), now));
                    metrics.attempt("dead");
                    LOG.warn("event {} ({} of {}) is dead after {} attempts: {}", d.eventId(), d.eventType(), d.fileId(),
                            d.attempts() + 1, outcome.error());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping; the lease runs out and the event is sent again
        } catch (RuntimeException e) {
            step.failed(TraceSteps.describe(e));
            LOG.warn("delivering event {} failed: {}", d.eventId(), e.toString());
        }
    }

    @Override
    public void close() {
        running = false;
        if (loop.isAlive()) {
            loop.interrupt();
        }
        workers.shutdownNow();
        try {
            loop.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        outcomes.close();
        sender.close();
    }
}
