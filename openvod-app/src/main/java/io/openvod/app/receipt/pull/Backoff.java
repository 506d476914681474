package io.openvod.app.receipt.pull;

import io.openvod.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait after consecutive failures: {@code first} doubled per failure up to {@code max}, each
 * wait drawn from 75–100 % of that value (jitter, so that many consumers do not retry in step).
 */
public record Backoff(Duration first, Duration max) {
    /** 1 s, 2 s, 4 s … up to 60 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max");
        }
    }

    /**
     * @param failures consecutive failures so far, at least 1
     * @param random a value in [0, 1)
     */
    public Duration delay(int failures, DoubleSupplier random) {
        return Duration.ofMillis(policy().delayMillis(Math.max(failures, 1), RetryPolicy.Jitter.fromUnit(random)));
    }

    /** This backoff as a {@link RetryPolicy}: doubling, a quarter random, never giving up. */
    public RetryPolicy policy() {
        return new RetryPolicy(first, 2, max, Integer.MAX_VALUE, RetryPolicy.UNLIMITED, 0.25);
    }
}
