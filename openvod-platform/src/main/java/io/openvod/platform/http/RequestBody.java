package io.openvod.platform.http;

import io.javalin.http.Context;
import io.openvod.platform.storage.BufferedBody;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Blocker;

/**
 * A request body read straight from Jetty's core request, chunk by chunk, instead of through the
 * servlet input stream: a store that takes a {@link BufferedBody} writes the bytes from the
 * buffers Jetty read them into, without copying them into an array first. It is also an ordinary
 * {@link InputStream}. Closing it releases the chunk in hand; what the body has left is consumed
 * by Jetty when the request ends, as with the servlet stream.
 */
final class RequestBody extends InputStream implements BufferedBody {
    private final Content.Source source;
    private Content.Chunk chunk;
    private boolean ended;

    private RequestBody(Content.Source source) {
        this.source = source;
    }

    /** The body of the request of {@code ctx}, which nothing may have read yet. */
    static InputStream of(Context ctx) {
        return new RequestBody(ServletContextRequest.getServletContextRequest(ctx.req()));
    }

    @Override
    public int read(long max, BufferSink sink) throws IOException {
        ByteBuffer bytes = next();
        if (bytes == null) {
            return -1;
        }
        int n = (int) Math.min(bytes.remaining(), Math.max(1, max));
        int start = bytes.position();
        sink.accept(bytes.slice(start, n));
        bytes.position(start + n);
        return n;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ByteBuffer bytes = next();
        if (bytes == null) {
            return -1;
        }
        int n = Math.min(bytes.remaining(), length);
        bytes.get(buffer, offset, n);
        return n;
    }

    @Override
    public int read() throws IOException {
        ByteBuffer bytes = next();
        return bytes == null ? -1 : bytes.get() & 0xff;
    }

    @Override
    public int available() {
        return chunk == null ? 0 : chunk.remaining();
    }

    @Override
    public void close() {
        if (chunk != null) {
            chunk.release();
            chunk = null;
        }
    }

    /** The buffer of the chunk in hand with bytes left, waiting for the next chunk when needed; null at the end. */
    private ByteBuffer next() throws IOException {
        while (true) {
            if (chunk != null) {
                if (chunk.hasRemaining()) {
                    return chunk.getByteBuffer();
                }
                ended = chunk.isLast();
                close();
            }
            if (ended) {
                return null;
            }
            Content.Chunk read = source.read();
            if (read == null) {
                awaitContent();
            } else if (Content.Chunk.isFailure(read)) {
                read.release();
                throw new IOException("reading the request body failed", read.getFailure());
            } else {
                chunk = read;
            }
        }
    }

    private void awaitContent() throws IOException {
        try (Blocker.Runnable ready = Blocker.runnable()) {
            source.demand(ready);
            ready.block();
        }
    }
}
