package io.openvod.platform.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * What is left of a request body when the request is refused before (or while) reading it.
 * Clients such as {@code cos_api} send the whole body before they read the answer; if the
 * server answered and closed the connection instead, they would see a reset rather than the
 * COS error. A remainder up to {@link #DISCARD_LIMIT} is therefore read and dropped; a larger
 * one closes the connection after the answer.
 */
final class UnreadBody {
    /** The largest body read only to be dropped: 64 MiB. */
    static final long DISCARD_LIMIT = 64L * 1024 * 1024;

    private UnreadBody() {
    }

    static void discard(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || ctx.req().getMethod().equals("GET") || ctx.req().getMethod().equals("HEAD")) {
            return;
        }
        if (declared < 0 || declared > DISCARD_LIMIT) {
            ctx.header("Connection", "close");
            return;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] sink = new byte[64 * 1024];
            while (in.read(sink) >= 0) {
                // dropped
            }
        } catch (IOException | IllegalStateException e) {
            ctx.header("Connection", "close");
        }
    }
}
