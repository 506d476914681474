package io.openvod.app.http;

import io.javalin.http.Context;

/** The client's address: the socket peer, or the first {@code X-Forwarded-For} hop behind a trusted proxy. */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(Context ctx, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",", 2)[0].strip();
                if (first.matches("[0-9A-Fa-f:.]{2,45}")) {
                    return first;
                }
            }
        }
        return ctx.ip();
    }
}
