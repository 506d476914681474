package io.openvod.platform.http;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.metrics.HttpRequestMetrics;
import io.openvod.core.metrics.MetricsAccess;

/**
 * {@code GET /metrics} in Prometheus' text format, behind {@link MetricsAccess}, and the timing
 * of every request by the route the dispatcher chose ({@link #route(Context, String)}).
 */
final class MetricsRoutes {
    private static final String STARTED = "openvod.startedNanos";
    private static final String ROUTE = "openvod.route";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final MetricsAccess access;
    private final HttpRequestMetrics requests;

    MetricsRoutes(PrometheusMeterRegistry registry, MetricsAccess access) {
        this.registry = registry;
        this.access = access;
        this.requests = new HttpRequestMetrics(registry);
    }

    /** Names the route of the request (a fixed template such as {@code cos} or {@code ugc}, never a path). */
    static void route(Context ctx, String route) {
        ctx.attribute(ROUTE, route);
    }

    void started(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void finished(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started != null) {
            String route = ctx.attribute(ROUTE);
            requests.record(route == null ? HttpRequestMetrics.UNMATCHED : route, ctx.method().name(), ctx.statusCode(),
                    System.nanoTime() - started);
        }
    }

    void scrape(Context ctx) {
        switch (access.decide(ctx.header("Authorization"))) {
            case ALLOW -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
            case UNAUTHORIZED -> ctx.status(401).header("WWW-Authenticate", "Bearer").contentType("application/json")
                    .result("{\"error\":\"GET /metrics needs its bearer token\"}");
            case OFF -> ctx.status(404).contentType("application/json").result("{\"error\":\"not found\"}");
        }
    }
}
