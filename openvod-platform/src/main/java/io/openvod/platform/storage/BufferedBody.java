package io.openvod.platform.storage;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A body (an {@link java.io.InputStream} handed to a store) that can also hand out its bytes in
 * the buffers they arrived in, so that a store writes them to a file without copying them into an
 * array first. The HTTP layer passes request bodies this way; a store that gets a plain stream
 * reads it as usual.
 */
public interface BufferedBody {

    /** Takes one buffer of the body: it must use all of the buffer's remaining bytes before returning. */
    @FunctionalInterface
    interface BufferSink {
        void accept(ByteBuffer bytes) throws IOException;
    }

    /**
     * Waits for the next bytes of the body and passes at most {@code max} of them (at least one)
     * to {@code sink}; returns how many, or -1 when the body has ended. The buffer is only valid
     * during the call. An exception the sink throws is passed on as it is.
     */
    int read(long max, BufferSink sink) throws IOException;
}
