package io.openvod.app.receipt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openvod.core.metrics.CachedReading;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The receipt service's metrics: {@code openvod_receipt_events_total{type,outcome}} (events
 * processed, ignored or failed), {@code openvod_receipt_processing_lag_seconds} (received → processed),
 * and the inbox gauges {@code openvod_receipt_inbox_depth} and {@code openvod_receipt_inbox_oldest_age_seconds},
 * read from the database at most every {@link #READ_EVERY}.
 */
final class ReceiptMetrics {
    static final Duration READ_EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final Clock clock;
    private final Timer lag;

    ReceiptMetrics(MeterRegistry registry, ReceivedEvents events, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.lag = Timer.builder("openvod.receipt.processing.lag").description("time from an event's receipt to its processing")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(1)).register(registry);
        CachedReading<ReceivedEvents.Inbox> inbox = new CachedReading<>(events::inbox, READ_EVERY, clock,
                new ReceivedEvents.Inbox(0, Optional.empty()));
        Gauge.builder("openvod.receipt.inbox.depth", inbox, i -> i.get().depth())
                .description("received events waiting to be processed").strongReference(true).register(registry);
        Gauge.builder("openvod.receipt.inbox.oldest.age", inbox, i -> ageSeconds(i.get()))
                .description("how long the oldest waiting event has waited").baseUnit("seconds").strongReference(true).register(registry);
    }

    /** Counts one event of {@code type} with {@code outcome} ({@code processed}, {@code ignored} or {@code failed}). */
    void handled(StoredEvent event, String type, String outcome) {
        Counter.builder("openvod.receipt.events").description("received events handled, by event type and outcome")
                .tags("type", type, "outcome", outcome).register(registry).increment();
        if (!outcome.equals("failed")) {
            lag.record(Duration.between(event.receivedAt(), clock.instant()).abs());
        }
    }

    private double ageSeconds(ReceivedEvents.Inbox inbox) {
        return inbox.oldest().map(o -> Math.max(0, clock.millis() - o.toEpochMilli()) / 1000.0).orElse(0.0);
    }
}
