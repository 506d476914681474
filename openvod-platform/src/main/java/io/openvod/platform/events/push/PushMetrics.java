package io.openvod.platform.events.push;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The push deliveries' counters and their lag (see {@link PushDispatcher}). */
final class PushMetrics {
    private final MeterRegistry registry;
    private final Timer lag;

    PushMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("openvod.push.delivery.lag").description("time from an event's creation to its receiver's 2xx")
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofDays(1)).register(registry);
        for (String outcome : new String[] {"delivered", "retried", "dead"}) {
            counter(outcome);
        }
    }

    void delivered(long lagMillis) {
        attempt("delivered");
        lag.record(Duration.ofMillis(Math.max(0, lagMillis)));
    }

    /** One delivery attempt that ended {@code outcome}: {@code delivered}, {@code retried} or {@code dead} (a dead letter). */
    void attempt(String outcome) {
        counter(outcome).increment();
    }

    private Counter counter(String outcome) {
        return Counter.builder("openvod.push.deliveries").description("push delivery attempts, by outcome (dead: a new dead letter)")
                .tag("outcome", outcome).register(registry);
    }
}
