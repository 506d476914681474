package io.openvod.app.receipt.pull;

import io.openvod.app.vod.VodApiException;
import io.openvod.app.receipt.EventParser;
import io.openvod.app.receipt.EventReceipts;
import io.openvod.app.receipt.ForeignEventException;
import io.openvod.app.receipt.MalformedEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull-mode consumer: a virtual thread that repeats one {@link #cycle()} — {@code PullEvents};
 * each event stored with {@link EventReceipts#receive} (as {@code pull}, without its
 * {@code EventHandle}, in the trace its context names); the stored events processed ({@link EventReceipts#drain()}); then
 * {@code ConfirmEvents} for all the handles.
 *
 * <p>Events are confirmed only after they are stored, so an event is never lost: when the
 * process stops or confirming fails, VOD hands the events out again, and as the receipt service
 * recognises a body by its content they are stored — and applied — once. A body that is not a
 * VOD event ({@link MalformedEventException}) is logged and confirmed all the same, since pulling
 * it again would not make it readable and it would otherwise come back forever. A failure to
 * process does not hold up confirming either: the stored event is retried by the receipt
 * service's own processor.
 *
 * <p>On an error (VOD unreachable, an error answer, the database) the loop waits with
 * {@link Backoff} (1 s doubling up to 60 s, with jitter) and tries again; a pull that answers
 * nothing faster than {@link #MIN_EMPTY_CYCLE} is followed by a pause, so a server that does not
 * hold the long poll cannot make it spin. {@link #close()} stops the loop and waits for it.
 */
public final class PullConsumer implements AutoCloseable {
    /** The shortest time one empty cycle takes. */
    public static final Duration MIN_EMPTY_CYCLE = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(PullConsumer.class);

    private final VodEventsClient client;
    private final EventReceipts receipts;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Thread loop;

    /** Waits; a test may record instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** What one cycle did. */
    public record Cycle(int pulled, int stored, int duplicates, int malformed) {
    }

    public PullConsumer(VodEventsClient client, EventReceipts receipts) {
        this(client, receipts, Backoff.DEFAULT, duration -> Thread.sleep(duration.toMillis()));
    }

    public PullConsumer(VodEventsClient client, EventReceipts receipts, Backoff backoff, Sleeper sleeper) {
        this.client = client;
        this.receipts = receipts;
        this.backoff = backoff;
        this.sleeper = sleeper;
    }

    /** Starts the loop on a virtual thread (once). */
    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        loop = Thread.ofVirtual().name("openvod-event-pull").start(this::run);
        LOG.info("pulling VOD events from {}", client);
    }

    private void run() {
        int failures = 0;
        while (running.get()) {
            try {
                long started = System.nanoTime();
                Cycle cycle = cycle();
                failures = 0;
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (cycle.pulled() == 0 && took.compareTo(MIN_EMPTY_CYCLE) < 0) {
                    sleeper.sleep(MIN_EMPTY_CYCLE.minus(took));
                }
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                if (!running.get()) {
                    break;
                }
                failures++;
                Duration wait = backoff.delay(failures, ThreadLocalRandom.current()::nextDouble);
                LOG.warn("pulling VOD events failed ({} in a row), trying again in {} ms: {}", failures, wait.toMillis(),
                        e.toString());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    break;
                }
            }
        }
    }

    /**
     * One round: pull, store each event, process, confirm all handles.
     *
     * @throws VodApiException when PullEvents or ConfirmEvents answers an error (nothing pulled is
     *     lost: unconfirmed events come again)
     */
    public Cycle cycle() throws java.io.IOException, InterruptedException {
        List<VodEventsClient.PulledEvent> events = client.pull();
        if (events.isEmpty()) {
            return new Cycle(0, 0, 0, 0);
        }
        int stored = 0;
        int duplicates = 0;
        int malformed = 0;
        List<String> handles = new ArrayList<>();
        for (VodEventsClient.PulledEvent event : events) {
            try {
                EventReceipts.Receipt receipt = receipts.receive("pull", EventParser.withoutHandle(event.event()), Optional.empty(), 0);
                if (receipt.duplicate()) {
                    duplicates++;
                } else {
                    stored++;
                }
            } catch (MalformedEventException e) {
                malformed++;
                LOG.warn("a pulled event is not a VOD event and is confirmed without being stored: {} (EventType {})",
                        e.getMessage(), event.event().path("EventType").asText("absent"));
            } catch (ForeignEventException e) {
                malformed++;
                LOG.warn("a pulled event is not for this app's application and is confirmed without being stored: {}",
                        e.getMessage());
            }
            handles.add(event.handle());
        }
        try {
            receipts.drain();
        } catch (RuntimeException e) {
            LOG.warn("processing pulled events failed; they are stored and processed later: {}", e.toString());
        }
        for (int from = 0; from < handles.size(); from += VodEventsClient.MAX_HANDLES) {
            client.confirm(List.copyOf(handles.subList(from, Math.min(handles.size(), from + VodEventsClient.MAX_HANDLES))));
        }
        LOG.info("pulled {} VOD events: {} new, {} already received, {} malformed; confirmed", events.size(), stored, duplicates,
                malformed);
        return new Cycle(events.size(), stored, duplicates, malformed);
    }

    @Override
    public synchronized void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        Thread thread = loop;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
