package io.openvod.core.health;

/**
 * One dependency a node needs to serve, checked cheaply: a trivial query, a probe file, a resolved
 * executable. {@link Readiness} runs it with a time limit, so an implementation may block; an
 * exception it throws counts as {@link Health.State#DOWN} with the exception's message.
 */
public interface HealthCheck {
    /** The name in the readiness report, e.g. {@code database}. */
    String name();

    /** Whether the dependency works now. */
    Health check() throws Exception;
}
