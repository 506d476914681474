package io.openvod.platform.events.push;

import io.openvod.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongUnaryOperator;

/**
 * When a failed POST is tried again: after attempt {@code n} fails, the base delay is
 * {@code firstRetry × 2^(n-1)}, capped at {@link #CAP}; the actual delay is drawn with "equal
 * jitter" from [base/2, base]. An event is dead-lettered instead when {@code maxAttempts} POSTs
 * have failed, or when the next attempt would fall after the start of its delivery plus the retry
 * window. A {@link RetryPolicy} (multiplier 2, jitter 0.5) with the delivery's start as the first
 * attempt.
 */
public final class RetrySchedule {
    /** The longest wait between two attempts. */
    public static final Duration CAP = Duration.ofHours(1);

    private final RetryPolicy policy;
    private final RetryPolicy.Jitter random;

    /**
     * @param random given a bound {@code b > 0}, a number in {@code [0, b)} (the jitter source)
     */
    public RetrySchedule(Duration firstRetry, Duration retryWindow, int maxAttempts, LongUnaryOperator random) {
        Duration cap = CAP.compareTo(firstRetry) < 0 ? firstRetry : CAP;
        this.policy = new RetryPolicy(firstRetry, 2, cap, maxAttempts, retryWindow, 0.5);
        this.random = random::applyAsLong;
    }

    /** The base delay after the {@code attempts}-th failure (1 for the first), before jitter. */
    public long baseDelayMillis(int attempts) {
        return policy.baseDelayMillis(attempts);
    }

    /**
     * When to try again after the {@code attempts}-th failed POST at {@code now}, or empty when the
     * event is dead-lettered.
     *
     * @param startedAt when the delivery started (the event's commit, or its last redelivery)
     */
    public OptionalLong nextAttemptAt(int attempts, long startedAt, long now) {
        OptionalLong delay = policy.nextDelayMillis(attempts, now - startedAt, random);
        return delay.isPresent() ? OptionalLong.of(now + delay.getAsLong()) : OptionalLong.empty();
    }
}
