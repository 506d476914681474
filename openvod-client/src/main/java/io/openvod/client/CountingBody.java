package io.openvod.client;

import java.net.http.HttpRequest;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body of a byte array with a known length that reports each 64 KiB slice as the HTTP
 * client takes it, so progress follows the bytes going out rather than whole parts.
 */
final class CountingBody {
    private static final int SLICE = 64 * 1024;

    private CountingBody() {
    }

    /** A publisher of {@code bytes[0, length)} that adds the bytes it hands out to {@code counted} and the counter. */
    static HttpRequest.BodyPublisher of(byte[] bytes, int length, ProgressCounter progress, AtomicLong counted) {
        Iterable<byte[]> slices = () -> new Iterator<>() {
            private int offset;

            @Override
            public boolean hasNext() {
                return offset < length;
            }

            @Override
            public byte[] next() {
                if (offset >= length) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(SLICE, length - offset);
                byte[] slice = new byte[n];
                System.arraycopy(bytes, offset, slice, 0, n);
                offset += n;
                counted.addAndGet(n);
                progress.bytes(n);
                return slice;
            }
        };
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(slices), length);
    }
}
