package io.openvod.platform.events.push;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongUnaryOperator;

/**
 * When a failed POST is tried again: after attempt {@code n} fails, the base delay is
 * {@code firstRetry × 2^(n-1)}, capped at {@link #CAP}; the actual delay is drawn with "equal
 * jitter" from [base/2, base]. An event is dead-lettered instead when {@code maxAttempts} POSTs
 * have failed, or when the next attempt would fall after the start of its delivery plus the retry
 * window.
 */
public final class RetrySchedule {
    /** The longest wait between two attempts. */
    public static final Duration CAP = Duration.ofHours(1);

    private final long firstRetryMillis;
    private final long capMillis;
    private final long windowMillis;
    private final int maxAttempts;
    private final LongUnaryOperator random;

    /**
     * @param random given a bound {@code b > 0}, a number in {@code [0, b)} (the jitter source)
     */
    public RetrySchedule(Duration firstRetry, Duration retryWindow, int maxAttempts, LongUnaryOperator random) {
        this.firstRetryMillis = firstRetry.toMillis();
        this.capMillis = Math.max(CAP.toMillis(), firstRetryMillis);
        this.windowMillis = retryWindow.toMillis();
        this.maxAttempts = maxAttempts;
        this.random = random;
    }

    /** The base delay after the {@code attempts}-th failure (1 for the first), before jitter. */
    public long baseDelayMillis(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long base = firstRetryMillis;
        for (int i = 0; i < doublings && base < capMillis; i++) {
            base *= 2;
        }
        return Math.max(1, Math.min(base, capMillis));
    }

    /**
     * When to try again after the {@code attempts}-th failed POST at {@code now}, or empty when the
     * event is dead-lettered.
     *
     * @param startedAt when the delivery started (the event's commit, or its last redelivery)
     */
    public OptionalLong nextAttemptAt(int attempts, long startedAt, long now) {
        if (attempts >= maxAttempts) {
            return OptionalLong.empty();
        }
        long base = baseDelayMillis(attempts);
        long half = base / 2;
        long delay = base - half + (half > 0 ? random.applyAsLong(half + 1) : 0);
        long next = now + delay;
        return next > startedAt + windowMillis ? OptionalLong.empty() : OptionalLong.of(next);
    }
}
