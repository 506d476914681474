package io.openvod.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.openvod.core.health.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness and readiness. {@code /health} and {@code /health/live} answer 200 {@code {"status":"up"}}
 * while the process serves; {@code /health/ready} runs the node's {@link Readiness} checks and answers
 * 200 when all pass, 503 otherwise, with each check's status in the body.
 */
final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIVE = "{\"status\":\"up\"}";

    private HealthHandler() {
    }

    static boolean handles(String path) {
        return path.equals("/health") || path.equals("/health/live") || path.equals("/health/ready");
    }

    static void handle(Context ctx, String path, Readiness readiness) {
        ctx.header("Cache-Control", "no-store");
        if (!path.equals("/health/ready")) {
            ctx.contentType("application/json").result(LIVE);
            return;
        }
        Readiness.Report report = readiness.check();
        if (!report.ready()) {
            LOG.warn("not ready: {}", report.checks());
        }
        try {
            ctx.status(report.ready() ? 200 : 503).contentType("application/json").result(JSON.writeValueAsString(report.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the readiness report", e);
        }
    }
}
