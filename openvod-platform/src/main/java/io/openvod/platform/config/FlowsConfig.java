package io.openvod.platform.config;

import io.openvod.core.retry.RetryPolicy;
import java.time.Duration;

/**
 * {@code platform.flows:} — the task-flow workers of this node.
 *
 * @param workers how many tasks run at once; 0 makes a node that runs no flows. Defaults to 2 (fits 2 cores).
 * @param timeout how long one task may run before it is stopped and retried. Defaults to 2h.
 * @param maxAttempts how often a task whose failures are not transient is tried before it fails. Defaults to 3.
 * @param lease how long a running task stays its worker's without a heartbeat; the task of a worker
 *     that died is taken up again once its lease ran out. At least 3s. Defaults to 60s.
 * @param maxDuration the longest media processed: a task on media whose duration (as its header
 *     claims it) is longer fails at once with {@code SourceFileError.ContentUnsupported}. Defaults to 6h.
 * @param retry the delays between a task's attempts and how long transient failures are retried
 * @param maxDurationByApp the longest media processed for some applications (SubAppId →
 *     duration), in place of {@code maxDuration}. Defaults to none.
 * @param tempDir where tasks keep their temporary files; empty: {@code tmp} next to the objects
 *     directory (e.g. {@code .openvod/tmp}). Leftovers of a node that was killed are removed when
 *     the node starts.
 */
public record FlowsConfig(int workers, Duration timeout, int maxAttempts, Duration lease, Duration maxDuration,
                          java.util.Map<Long, Duration> maxDurationByApp, Retry retry, String tempDir) {
    /**
     * {@code platform.flows.retry:} — after the n-th failed attempt a task waits
     * {@code first × multiplier^(n-1)}, at most {@code cap}, less up to {@code jitter} of it at
     * random. A transient failure (storage or database unavailable, review engine unreachable) is
     * retried until the waits add up to {@code maxElapsed}; other retryable failures at most
     * {@code maxAttempts} times in all.
     */
    public record Retry(Duration first, double multiplier, Duration cap, Duration maxElapsed, double jitter) {
        public Retry {
            policy(first, multiplier, cap, maxElapsed, jitter);
        }

        /** 5s doubling up to 2m, equal jitter, transient failures for 10m. */
        public static Retry defaults() {
            return new Retry(Duration.ofSeconds(5), 2, Duration.ofMinutes(2), Duration.ofMinutes(10), 0.5);
        }

        public RetryPolicy policy() {
            return policy(first, multiplier, cap, maxElapsed, jitter);
        }

        private static RetryPolicy policy(Duration first, double multiplier, Duration cap, Duration maxElapsed, double jitter) {
            return new RetryPolicy(first, multiplier, cap, Integer.MAX_VALUE, maxElapsed, jitter);
        }
    }

    /** The shortest lease: a heartbeat of at least 1 s still renews it three times. */
    public static final Duration MIN_LEASE = Duration.ofSeconds(3);

    public FlowsConfig {
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("workers must be within 0..64");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("maxAttempts must be within 1..100");
        }
        if (lease == null || lease.compareTo(MIN_LEASE) < 0) {
            throw new IllegalArgumentException("lease must be at least 3s");
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be positive");
        }
        if (retry == null) {
            throw new IllegalArgumentException("retry is missing");
        }
        tempDir = tempDir == null ? "" : tempDir.strip();
        maxDurationByApp = maxDurationByApp == null ? java.util.Map.of() : java.util.Map.copyOf(maxDurationByApp);
        maxDurationByApp.forEach((app, longest) -> {
            if (app <= 0 || longest == null || longest.isNegative() || longest.isZero()) {
                throw new IllegalArgumentException("maxDurationByApp." + app + " must be a positive duration of a positive SubAppId");
            }
        });
    }

    /** How often a running task renews its lease: a sixth of it (10 s of 60 s), at least 1 s. */
    public Duration heartbeat() {
        Duration sixth = lease.dividedBy(6);
        return sixth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : sixth;
    }

    /** The directory of the tasks' temporary files: {@code tempDir}, else {@code tmp} next to {@code objects}. */
    public java.nio.file.Path workRoot(java.nio.file.Path objects) {
        return tempDir.isEmpty() ? objects.toAbsolutePath().normalize().resolveSibling("tmp") : java.nio.file.Path.of(tempDir);
    }

    /** The built-in defaults (as in openvod-defaults.yaml), for tools and tests. */
    public static FlowsConfig defaults() {
        return new FlowsConfig(2, Duration.ofHours(2), 3, Duration.ofSeconds(60), Duration.ofHours(6), java.util.Map.of(), Retry.defaults(), "");
    }
}
