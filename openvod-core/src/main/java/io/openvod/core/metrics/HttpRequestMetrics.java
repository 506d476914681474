package io.openvod.core.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code openvod_http_server_requests_seconds}: every answered HTTP request, by route template
 * (never a raw path), method and outcome (status class {@code 2xx} … {@code 5xx}), with a latency
 * histogram (Prometheus buckets) for quantiles such as p95.
 */
public final class HttpRequestMetrics {
    /** The metric's name in Micrometer's notation. */
    public static final String NAME = "openvod.http.server.requests";
    /** The route of a request that matched none. */
    public static final String UNMATCHED = "unmatched";

    private final MeterRegistry registry;

    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry == null");
    }

    /** Records one request on {@code route} that was answered with {@code status} after {@code nanos}. */
    public void record(String route, String method, int status, long nanos) {
        Timer.builder(NAME)
                .description("HTTP requests answered, by route template, method and status class")
                .tags("route", route, "method", method, "outcome", outcome(status))
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry)
                .record(Duration.ofNanos(Math.max(0, nanos)));
    }

    static String outcome(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }
}
