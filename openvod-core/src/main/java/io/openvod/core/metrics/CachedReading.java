package io.openvod.core.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code maxAge} (a database count behind a gauge, so that frequent
 * scrapes do not load the database). When a read fails, the last value stays: a gauge is no
 * place to report a database failure, which the service's own work reports.
 *
 * @param <T> what is read
 */
public final class CachedReading<T> {
    private final Supplier<T> reader;
    private final Duration maxAge;
    private final Clock clock;
    private T value;
    private long readAt = Long.MIN_VALUE;

    public CachedReading(Supplier<T> reader, Duration maxAge, Clock clock, T initial) {
        this.reader = Objects.requireNonNull(reader, "reader == null");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.value = initial;
    }

    /** The value, read again when the last reading is older than {@code maxAge}. */
    public synchronized T get() {
        long now = clock.millis();
        if (readAt == Long.MIN_VALUE || now - readAt >= maxAge.toMillis()) {
            readAt = now;
            try {
                value = reader.get();
            } catch (RuntimeException e) {
                // keep the last value
            }
        }
        return value;
    }
}
