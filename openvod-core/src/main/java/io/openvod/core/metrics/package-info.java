/**
 * What both services share about metrics: the registry of a service with the JVM's metrics
 * ({@link io.openvod.core.metrics.ServiceMetrics}), the timing of HTTP requests by route template
 * ({@link io.openvod.core.metrics.HttpRequestMetrics}), who may read {@code GET /metrics}
 * ({@link io.openvod.core.metrics.MetricsAccess}), and database readings behind gauges
 * ({@link io.openvod.core.metrics.CachedReading}). The metrics themselves: {@code docs/operations.md}.
 */
package io.openvod.core.metrics;
