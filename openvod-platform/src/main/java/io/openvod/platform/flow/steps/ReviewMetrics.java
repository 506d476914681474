package io.openvod.platform.flow.steps;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The content review's counters: {@code openvod_review_frames_total{task_type}} (frames classified)
 * and {@code openvod_review_verdicts_total{task_type,suggestion}} ({@code pass}, {@code review},
 * {@code block}: one per reviewed media).
 */
final class ReviewMetrics {
    private final MeterRegistry registry;
    private final String taskType;

    ReviewMetrics(MeterRegistry registry, String taskType) {
        this.registry = registry == null ? new SimpleMeterRegistry() : registry;
        this.taskType = taskType;
    }

    void reviewed(FrameReview.Result result, String suggestion) {
        Counter.builder("openvod.review.frames").description("frames classified by the content reviewer")
                .tag("task_type", taskType).register(registry).increment(result.frames().size());
        Counter.builder("openvod.review.verdicts").description("content review verdicts, by suggestion")
                .tags("task_type", taskType, "suggestion", suggestion).register(registry).increment();
    }
}
