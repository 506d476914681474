package io.openvod.core.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a node is ready to serve: its {@link HealthCheck}s run concurrently, each on a virtual
 * thread, and the report waits at most the time limit (2 s by default) for all of them; a check
 * without an answer by then is down. A check still running from an earlier probe is not started
 * again: the new probe waits for the same run, so a hanging dependency never piles up threads.
 * Ready when every check is up or idle.
 */
public final class Readiness {
    /** The default time limit of one probe. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final List<HealthCheck> checks;
    private final Duration timeout;
    private final Executor executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("openvod-health-", 0).factory());
    private final Map<String, CompletableFuture<Health>> running = new ConcurrentHashMap<>();

    public Readiness(List<HealthCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
    }

    /** The checks with the {@link #DEFAULT_TIMEOUT}. */
    public static Readiness of(List<HealthCheck> checks) {
        return new Readiness(checks, DEFAULT_TIMEOUT);
    }

    /** The outcome of one check in a report. */
    public record Outcome(Health health, long millis) {
    }

    /** The result of one probe, with each check's outcome in the order of the checks. */
    public record Report(boolean ready, Map<String, Outcome> checks) {
        public Report {
            checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
        }

        /**
         * The report as JSON-ready maps: {@code {"status":"ready"|"not ready","checks":{"database":{"status":"up","millis":3},
         * "storage":{"status":"down","millis":2000,"error":"…"}}}}.
         */
        public Map<String, Object> body() {
            Map<String, Object> each = new LinkedHashMap<>();
            checks.forEach((name, outcome) -> {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("status", outcome.health().state().word());
                check.put("millis", outcome.millis());
                outcome.health().error().ifPresent(e -> check.put("error", e));
                each.put(name, check);
            });
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", ready ? "ready" : "not ready");
            body.put("checks", each);
            return body;
        }
    }

    /** Runs every check (or joins its run in progress) and reports within the time limit. */
    public Report check() {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<String, CompletableFuture<Health>> started = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            started.put(check.name(), running.compute(check.name(),
                    (name, previous) -> previous == null || previous.isDone() ? run(check) : previous));
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        boolean ready = true;
        for (Map.Entry<String, CompletableFuture<Health>> entry : started.entrySet()) {
            Health health = await(entry.getValue(), deadline);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            outcomes.put(entry.getKey(), new Outcome(health, millis));
            ready &= health.ok();
        }
        return new Report(ready, outcomes);
    }

    private CompletableFuture<Health> run(HealthCheck check) {
        return CompletableFuture.supplyAsync(() -> checkSafely(check), executor);
    }

    private static Health checkSafely(HealthCheck check) {
        try {
            Health health = check.check();
            return health == null ? Health.down("no answer") : health;
        } catch (Exception | LinkageError e) {
            return Health.down(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Health await(CompletableFuture<Health> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Health.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Health.down(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down("interrupted");
        }
    }
}
