package io.openvod.app.http;

import io.javalin.http.Context;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.javalin.router.Endpoint;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.metrics.HttpRequestMetrics;
import io.openvod.core.metrics.MetricsAccess;

/**
 * {@code GET /metrics} in Prometheus' text format, behind {@link MetricsAccess}, and the timing
 * of every request by its route template ({@link HttpRequestMetrics}).
 */
final class MetricsRoutes {
    private static final String STARTED = "openvod.startedNanos";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final MetricsAccess access;
    private final HttpRequestMetrics requests;

    MetricsRoutes(PrometheusMeterRegistry registry, MetricsAccess access) {
        this.registry = registry;
        this.access = access;
        this.requests = new HttpRequestMetrics(registry);
    }

    void started(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void finished(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
            Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
            String route = endpoint == null ? HttpRequestMetrics.UNMATCHED : endpoint.path;
            requests.record(route, ctx.method().name(), ctx.statusCode(), System.nanoTime() - started);
        }
    }

    void scrape(Context ctx) {
        switch (access.decide(ctx.header("Authorization"))) {
            case ALLOW -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
            case UNAUTHORIZED -> AppHttpServer.fail(ctx, new AppException(AppError.INVALID_TOKEN, "GET /metrics needs its bearer token"));
            case OFF -> AppHttpServer.fail(ctx, new AppException(AppError.ENDPOINT_NOT_FOUND, "no endpoint GET /metrics"));
        }
    }
}
