package io.openvod.app.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * The rest of a request body that is refused (too large): read and dropped up to
 * {@value #DISCARD_LIMIT} bytes, so that a client that writes the whole body before reading the
 * answer gets the answer instead of a reset; a larger rest closes the connection after the answer.
 */
final class RefusedBody {
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    private RefusedBody() {
    }

    static void drop(Context ctx, InputStream in) {
        try {
            long skipped = 0;
            byte[] sink = new byte[64 * 1024];
            int n;
            while (skipped <= DISCARD_LIMIT && (n = in.read(sink)) >= 0) {
                skipped += n;
            }
            if (skipped > DISCARD_LIMIT) {
                ctx.header("Connection", "close");
            }
        } catch (IOException e) {
            ctx.header("Connection", "close");
        }
    }
}
