package io.openvod.platform.flow;

import io.openvod.core.retry.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the task-flow engine runs.
 *
 * @param workers how many tasks run at once on this node; 0: flows neither start nor run here
 * @param lease how long a claimed task stays a worker's without a heartbeat; a task whose lease
 *     ran out (its worker died) is claimed again
 * @param heartbeat how often a running task's lease is renewed and its progress written
 * @param timeout how long one attempt may run before it is interrupted and counted as failed
 * @param maxAttempts attempts of a task whose step fails retryably (or times out) before it is FAIL
 * @param backoff the wait before the second attempt (the first delay of {@code retry})
 * @param poll how often idle workers look for due tasks and the starter for requested flows
 * @param workRoot where steps get their temporary directories
 * @param maxDuration the longest media processed; a task on longer media fails at once with
 *     {@code SourceFileError.ContentUnsupported}
 * @param retry the delays between attempts, and how long a task whose failures are transient
 *     (storage, database, review engine unavailable) is retried
 * @param maxDurationByApp the longest media processed for some applications (SubAppId → duration),
 *     in place of {@code maxDuration}
 */
public record FlowSettings(int workers, Duration lease, Duration heartbeat, Duration timeout, int maxAttempts, Duration backoff,
                           Duration poll, Path workRoot, Duration maxDuration, RetryPolicy retry,
                           Map<Long, Duration> maxDurationByApp) {
    /** The longest media processed unless configured otherwise. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofHours(6);

    /** Settings with the {@link #DEFAULT_MAX_DURATION}. */
    public FlowSettings(int workers, Duration lease, Duration heartbeat, Duration timeout, int maxAttempts, Duration backoff,
                        Duration poll, Path workRoot) {
        this(workers, lease, heartbeat, timeout, maxAttempts, backoff, poll, workRoot, DEFAULT_MAX_DURATION);
    }

    /** Settings with one longest duration for every application. */
    public FlowSettings(int workers, Duration lease, Duration heartbeat, Duration timeout, int maxAttempts, Duration backoff,
                        Duration poll, Path workRoot, Duration maxDuration, RetryPolicy retry) {
        this(workers, lease, heartbeat, timeout, maxAttempts, backoff, poll, workRoot, maxDuration, retry, Map.of());
    }

    /** Settings whose retries start at {@code backoff} ({@link #defaultRetry}). */
    public FlowSettings(int workers, Duration lease, Duration heartbeat, Duration timeout, int maxAttempts, Duration backoff,
                        Duration poll, Path workRoot, Duration maxDuration) {
        this(workers, lease, heartbeat, timeout, maxAttempts, backoff, poll, workRoot, maxDuration, defaultRetry(backoff));
    }

    /**
     * Retries from {@code first}, doubling up to 2 minutes, with equal jitter; transient failures
     * are retried for up to 10 minutes.
     */
    public static RetryPolicy defaultRetry(Duration first) {
        Duration cap = first.compareTo(Duration.ofMinutes(2)) > 0 ? first : Duration.ofMinutes(2);
        return new RetryPolicy(first, 2, cap, Integer.MAX_VALUE, Duration.ofMinutes(10), 0.5);
    }

    public FlowSettings {
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive");
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers < 0");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts < 1");
        }
        Objects.requireNonNull(lease, "lease == null");
        Objects.requireNonNull(heartbeat, "heartbeat == null");
        Objects.requireNonNull(timeout, "timeout == null");
        Objects.requireNonNull(backoff, "backoff == null");
        Objects.requireNonNull(poll, "poll == null");
        Objects.requireNonNull(workRoot, "workRoot == null");
        Objects.requireNonNull(retry, "retry == null");
        maxDurationByApp = maxDurationByApp == null ? Map.of() : Map.copyOf(maxDurationByApp);
        maxDurationByApp.forEach((app, longest) -> {
            if (longest == null || longest.isNegative() || longest.isZero()) {
                throw new IllegalArgumentException("maxDurationByApp of " + app + " must be positive");
            }
        });
    }

    /** The longest media processed for application {@code subAppId}. */
    public Duration maxDurationFor(long subAppId) {
        return maxDurationByApp.getOrDefault(subAppId, maxDuration);
    }

    public FlowSettings withWorkers(int count) {
        return new FlowSettings(count, lease, heartbeat, timeout, maxAttempts, backoff, poll, workRoot, maxDuration, retry, maxDurationByApp);
    }

    public FlowSettings withMaxDuration(Duration longest) {
        return new FlowSettings(workers, lease, heartbeat, timeout, maxAttempts, backoff, poll, workRoot, longest, retry, maxDurationByApp);
    }

    public FlowSettings withMaxDurationByApp(Map<Long, Duration> byApp) {
        return new FlowSettings(workers, lease, heartbeat, timeout, maxAttempts, backoff, poll, workRoot, maxDuration, retry, byApp);
    }

    public FlowSettings withRetry(RetryPolicy policy) {
        return new FlowSettings(workers, lease, heartbeat, timeout, maxAttempts, policy.first(), poll, workRoot, maxDuration, policy,
                maxDurationByApp);
    }

    /**
     * Two workers, 60 s leases renewed every 10 s, 2 h per attempt, 3 attempts from 5 s backoff;
     * transient failures retried for 10 minutes.
     */
    public static FlowSettings defaults() {
        return new FlowSettings(2, Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofHours(2), 3, Duration.ofSeconds(5),
                Duration.ofMillis(500), Path.of(System.getProperty("java.io.tmpdir")));
    }
}
