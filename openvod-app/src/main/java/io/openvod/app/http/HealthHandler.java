package io.openvod.app.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.openvod.app.AppError;
import io.openvod.core.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness ({@code /api/v1/health}, {@code /api/v1/health/live}: 200 while the process serves) and readiness
 * ({@code /api/v1/health/ready}: the {@link Readiness} report in the envelope's {@code data}, 200 when every
 * check passes, otherwise 503 with {@link AppError#NOT_READY}).
 */
final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private HealthHandler() {
    }

    static void live(Context ctx) {
        AppHttpServer.json(ctx, 200, Envelope.ok(Envelope.data().put("status", "up")));
    }

    static void ready(Context ctx, Readiness readiness) {
        Readiness.Report report = readiness.check();
        ObjectNode data = Envelope.JSON.valueToTree(report.body());
        if (report.ready()) {
            AppHttpServer.json(ctx, 200, Envelope.ok(data));
            return;
        }
        LOG.warn("not ready: {}", report.checks());
        ObjectNode root = Envelope.JSON.createObjectNode();
        root.put("code", AppError.NOT_READY.wireCode());
        root.put("message", "not ready");
        data.put("error", AppError.NOT_READY.code());
        data.put("requestId", AppHttpServer.requestId(ctx));
        root.set("data", data);
        AppHttpServer.json(ctx, 503, root.toString());
    }
}
