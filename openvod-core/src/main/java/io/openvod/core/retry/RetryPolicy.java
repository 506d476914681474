package io.openvod.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * When a failed operation is tried again: after the {@code n}-th consecutive failure the base
 * delay is {@code first × multiplier^(n-1)}, capped at {@code cap}; the actual delay is drawn
 * from {@code [base × (1 − jitter), base]} (jitter 0.5 is "equal jitter", 0 none), so that many
 * callers failing together do not retry in step. The operation is given up after
 * {@code maxAttempts} attempts, or when the next attempt would start more than
 * {@code maxElapsed} after the first one.
 *
 * <p>Used by the task flows, the push deliveries of events, and the app's hook forwarding and
 * pull consumer. Immutable; the jitter comes from a {@link Jitter} given to each call, so tests
 * can draw it deterministically.
 *
 * @param first the base delay after the first failure
 * @param multiplier how the base delay grows per further failure, at least 1
 * @param cap the longest base delay, at least {@code first}
 * @param maxAttempts attempts in all (the first one included), at least 1;
 *     {@link Integer#MAX_VALUE} for no limit
 * @param maxElapsed how long after the first attempt the last may start; {@link #UNLIMITED} for no limit
 * @param jitter the share of the base delay that is random, 0 to 1
 */
public record RetryPolicy(Duration first, double multiplier, Duration cap, int maxAttempts, Duration maxElapsed, double jitter) {
    /** No limit on the time spent retrying. */
    public static final Duration UNLIMITED = Duration.ofMillis(Long.MAX_VALUE);

    /** A source of jitter: given a bound {@code b > 0}, a number in {@code [0, b)}. */
    @FunctionalInterface
    public interface Jitter {
        long next(long bound);

        /** Random jitter, for production. */
        static Jitter random() {
            return bound -> java.util.concurrent.ThreadLocalRandom.current().nextLong(bound);
        }

        /** Jitter from a value in {@code [0, 1)}: {@code r × bound}. */
        static Jitter fromUnit(java.util.function.DoubleSupplier unit) {
            return bound -> Math.min(bound - 1, Math.max(0, (long) (unit.getAsDouble() * bound)));
        }
    }

    public RetryPolicy {
        Objects.requireNonNull(first, "first == null");
        Objects.requireNonNull(cap, "cap == null");
        Objects.requireNonNull(maxElapsed, "maxElapsed == null");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first delay must be positive");
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("the multiplier must be at least 1");
        }
        if (cap.compareTo(first) < 0) {
            throw new IllegalArgumentException("the cap must be at least the first delay");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (maxElapsed.isNegative() || maxElapsed.isZero()) {
            throw new IllegalArgumentException("maxElapsed must be positive");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
    }

    /** A copy with another limit on attempts. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(first, multiplier, cap, attempts, maxElapsed, jitter);
    }

    /** The base delay after the {@code failures}-th consecutive failure (1 for the first), before jitter. */
    public long baseDelayMillis(int failures) {
        long capMillis = cap.toMillis();
        double base = first.toMillis();
        for (int i = 1; i < failures && base < capMillis; i++) {
            base *= multiplier;
        }
        return Math.max(1, Math.min((long) base, capMillis));
    }

    /** The delay after the {@code failures}-th failure, jittered by {@code source}. */
    public long delayMillis(int failures, Jitter source) {
        long base = baseDelayMillis(failures);
        long spread = (long) Math.floor(base * jitter);
        return base - spread + (spread > 0 ? Math.min(spread, Math.max(0, source.next(spread + 1))) : 0);
    }

    /**
     * The sum of the base delays before attempt {@code failures + 1}: how long an operation that
     * failed {@code failures} times has waited, for callers that do not keep the first attempt's
     * time (without jitter, so the same every time).
     */
    public long plannedWaitMillis(int failures) {
        long sum = 0;
        for (int i = 1; i <= failures && sum < Long.MAX_VALUE / 2; i++) {
            sum += baseDelayMillis(i);
        }
        return sum;
    }

    /**
     * The delay before the next attempt after the {@code failures}-th consecutive failure, or empty
     * when the operation is given up: {@code maxAttempts} attempts have failed, or the next one
     * would start more than {@code maxElapsed} after the first.
     *
     * @param elapsedMillis how long ago the first attempt started
     */
    public OptionalLong nextDelayMillis(int failures, long elapsedMillis, Jitter source) {
        if (failures >= maxAttempts) {
            return OptionalLong.empty();
        }
        long delay = delayMillis(failures, source);
        long limit = maxElapsed.toMillis();
        if (elapsedMillis > limit || delay > limit - elapsedMillis) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(delay);
    }
}
