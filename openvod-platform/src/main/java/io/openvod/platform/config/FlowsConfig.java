package io.openvod.platform.config;

import java.time.Duration;

/**
 * {@code platform.flows:} — the task-flow workers of this node.
 *
 * @param workers how many tasks run at once; 0 makes a node that runs no flows. Defaults to 2 (fits 2 cores).
 * @param timeout how long one task may run before it is stopped and retried. Defaults to 2h.
 * @param maxAttempts how often a task is tried before it fails. Defaults to 3.
 */
public record FlowsConfig(int workers, Duration timeout, int maxAttempts) {
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
    }

    /** The built-in defaults (as in openvod-defaults.yaml), for tools and tests. */
    public static FlowsConfig defaults() {
        return new FlowsConfig(2, Duration.ofHours(2), 3);
    }
}
