package io.openvod.platform.events.push;

import io.openvod.platform.events.DeliveryLog;
import io.openvod.platform.events.DeliveryOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the outcomes of POSTs in the {@link DeliveryLog} from one thread, all those waiting in one
 * transaction (group commit): alone, an outcome is written at once; under load many share a
 * transaction instead of each taking the database's writer. A POST's worker hands its outcome over
 * and goes on; until it is written the delivery stays claimed by its lease, so no node sends it
 * again. A batch that cannot be written is tried again once; if that fails too its deliveries are
 * sent again when their leases end (at least once, never lost). {@link #close()} writes what waits.
 */
final class OutcomeWriter implements AutoCloseable {
    /** The most outcomes written in one transaction. */
    static final int MAX_BATCH = 256;
    private static final Logger LOG = LoggerFactory.getLogger(OutcomeWriter.class);

    private final DeliveryLog deliveries;
    private final LinkedBlockingQueue<DeliveryOutcome> waiting = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    OutcomeWriter(DeliveryLog deliveries) {
        this.deliveries = deliveries;
        this.thread = Thread.ofPlatform().name("openvod-push-outcomes").daemon().start(this::run);
    }

    /** Queues {@code outcome} to be written. */
    void submit(DeliveryOutcome outcome) {
        waiting.add(outcome);
    }

    private void run() {
        List<DeliveryOutcome> batch = new ArrayList<>(MAX_BATCH);
        while (running || !waiting.isEmpty()) {
            try {
                DeliveryOutcome first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, MAX_BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                break;
            }
        }
        drain(batch);
    }

    private void drain(List<DeliveryOutcome> batch) {
        batch.clear();
        while (waiting.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<DeliveryOutcome> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                deliveries.record(batch);
                return;
            } catch (RuntimeException e) {
                if (attempt == 2) {
                    LOG.warn("recording {} delivery outcomes failed; they are sent again when their leases end: {}",
                            batch.size(), e.toString());
                    return;
                }
            }
        }
    }

    /** Writes the outcomes still waiting, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
