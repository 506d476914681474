package io.openvod.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How transient failures are retried: IO errors, HTTP 5xx, COS {@code RequestTimeout},
 * {@code SlowDown} and {@code ServiceUnavailable}, and the platform's {@code 10503}. Other 4xx
 * answers are not retried. The wait before retry <i>n</i> (1-based) is a random duration up to
 * {@code min(maxDelay, initialDelay * 2^(n-1))} ("full jitter").
 *
 * @param maxAttempts tries per request, including the first (at least 1)
 * @param initialDelay the cap of the first wait
 * @param maxDelay the cap of any wait
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    /** 6 tries, waits capped at 200 ms, 400 ms, … up to 10 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " < 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** The wait before retry {@code retry} (1 for the first retry). */
    Duration delay(int retry) {
        long cap = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long bound = Math.min(maxDelay.toMillis(), cap < 0 ? Long.MAX_VALUE : cap);
        return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
