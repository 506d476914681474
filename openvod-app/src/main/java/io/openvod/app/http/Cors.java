package io.openvod.app.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * CORS for browser clients (the web SDK's {@code getSignature} callback runs in the page): an
 * allowed Origin is echoed, with credentials off, and the page may read {@code X-Request-Id},
 * {@code Retry-After} and {@code traceparent}; preflights answer for the API's methods and the
 * {@code Authorization} and {@code Content-Type} headers.
 */
final class Cors {
    private final List<String> allowed;

    Cors(List<String> allowed) {
        this.allowed = allowed;
    }

    /** Adds the CORS headers when the request's Origin is allowed; true if it was. */
    boolean apply(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || allowed.isEmpty()) {
            return false;
        }
        boolean any = allowed.contains("*");
        if (!any && !allowed.contains(origin)) {
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", any ? "*" : origin);
        if (!any) {
            ctx.header("Vary", "Origin");
        }
        ctx.header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, traceparent");
        return true;
    }

    void preflight(Context ctx) {
        if (apply(ctx)) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
        }
        ctx.status(204);
    }
}
