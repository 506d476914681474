package io.openvod.platform.flow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.openvod.core.metrics.CachedReading;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * The task flows' metrics: {@code openvod_task_duration_seconds{type,outcome}} (one attempt, from
 * claim to recorded result), {@code openvod_task_failures_total{type,err_code_ext}} (failed
 * attempts, retried or not), and per task type the queue gauges {@code openvod_task_queue_depth{type}}
 * and {@code openvod_task_queue_oldest_age_seconds{type}}, read from the queue at most every
 * {@link #READ_EVERY}.
 */
final class FlowMetrics {
    static final Duration READ_EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;

    FlowMetrics(MeterRegistry registry, TaskQueue queue, Collection<String> types, Clock clock) {
        this.registry = registry;
        CachedReading<Map<String, TaskQueue.Waiting>> depth = new CachedReading<>(queue::depthByType, READ_EVERY, clock, Map.of());
        for (String type : types) {
            Gauge.builder("openvod.task.queue.depth", depth, d -> waiting(d, type).tasks())
                    .description("tasks waiting to be claimed (or retried), by task type").tag("type", type).strongReference(true).register(registry);
            Gauge.builder("openvod.task.queue.oldest.age", depth, d -> ageSeconds(waiting(d, type), clock))
                    .description("how long the oldest waiting task of the type has existed").tag("type", type).baseUnit("seconds")
                    .strongReference(true).register(registry);
        }
    }

    private static TaskQueue.Waiting waiting(CachedReading<Map<String, TaskQueue.Waiting>> depth, String type) {
        TaskQueue.Waiting waiting = depth.get().get(type);
        return waiting == null ? new TaskQueue.Waiting(0, null) : waiting;
    }

    private static double ageSeconds(TaskQueue.Waiting waiting, Clock clock) {
        return waiting.oldestCreated() == null ? 0 : Math.max(0, clock.millis() - waiting.oldestCreated().toEpochMilli()) / 1000.0;
    }

    /** Records one attempt of a task of {@code type} that ended with {@code outcome} after {@code nanos}. */
    void attempt(String type, TaskOutcome outcome, long nanos) {
        String label = switch (outcome) {
            case TaskOutcome.Succeeded s -> "succeeded";
            case TaskOutcome.Retry r -> "retried";
            case TaskOutcome.Failed f -> "failed";
            case TaskOutcome.LeaseLost lost -> "lease_lost";
            case TaskOutcome.Released released -> "released";
        };
        Timer.builder("openvod.task.duration").description("task attempts, by task type and outcome")
                .tags("type", type, "outcome", label).publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(6))
                .register(registry).record(Duration.ofNanos(Math.max(0, nanos)));
        String errCodeExt = switch (outcome) {
            case TaskOutcome.Retry r -> r.errCodeExt();
            case TaskOutcome.Failed f -> f.errCodeExt();
            default -> null;
        };
        if (errCodeExt != null) {
            Counter.builder("openvod.task.failures").description("failed task attempts, by task type and ErrCodeExt")
                    .tags("type", type, "err_code_ext", errCodeExt).register(registry).increment();
        }
    }
}
