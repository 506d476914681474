package io.openvod.platform.config;

import java.time.Duration;

/**
 * {@code platform.flows:} — the task-flow workers of this node.
 *
 * @param workers how many tasks run at once; 0 makes a node that runs no flows. Defaults to 2 (fits 2 cores).
 * @param timeout how long one task may run before it is stopped and retried. Defaults to 2h.
 * @param maxAttempts how often a task is tried before it fails. Defaults to 3.
 * @param lease how long a running task stays its worker's without a heartbeat; the task of a worker
 *     that died is taken up again once its lease ran out. At least 3s. Defaults to 60s.
 * @param maxDuration the longest media processed: a task on media whose duration (as its header
 *     claims it) is longer fails at once with {@code FailedOperation.InvalidInput}. Defaults to 6h.
 */
public record FlowsConfig(int workers, Duration timeout, int maxAttempts, Duration lease, Duration maxDuration) {
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
    }

    /** How often a running task renews its lease: a sixth of it (10 s of 60 s), at least 1 s. */
    public Duration heartbeat() {
        Duration sixth = lease.dividedBy(6);
        return sixth.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : sixth;
    }

    /** The built-in defaults (as in openvod-defaults.yaml), for tools and tests. */
    public static FlowsConfig defaults() {
        return new FlowsConfig(2, Duration.ofHours(2), 3, Duration.ofSeconds(60), Duration.ofHours(6));
    }
}
