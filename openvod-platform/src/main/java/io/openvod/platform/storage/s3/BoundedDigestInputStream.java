package io.openvod.platform.storage.s3;

import io.openvod.platform.storage.BodyMd5;
import io.openvod.platform.storage.DigestedBody;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * The first {@code length} bytes of a source, counted and MD5-digested as they pass (a source that
 * takes its own MD5, {@link DigestedBody}, is not digested again: its MD5 is the answer). It never
 * reads past {@code length}. When the source ends early or fails, every further read fails too
 * (so an upload in flight is cut off rather than completed short) and {@link #incomplete()} says
 * so. Closing it leaves the source open: the caller owns that.
 */
final class BoundedDigestInputStream extends InputStream {
    private final InputStream source;
    private final long length;
    private final BodyMd5 md5;
    private long count;
    private IOException failure;

    BoundedDigestInputStream(InputStream source, long length) {
        this.source = Objects.requireNonNull(source, "source == null");
        this.length = length;
        this.md5 = BodyMd5.of(source);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (count == length) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = source.read(b, off, (int) Math.min(len, length - count));
        } catch (IOException e) {
            failure = new IOException("the data failed after " + count + " of " + length + " bytes", e);
            throw failure;
        }
        if (n < 0) {
            failure = new EOFException("the data ended after " + count + " of " + length + " bytes");
            throw failure;
        }
        md5.update(b, off, n);
        count += n;
        return n;
    }

    @Override
    public void close() {
        // the source belongs to the caller
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    /** True when the source ended early or failed. */
    boolean incomplete() {
        return failure != null || count != length;
    }

    /** Why the source could not give all its bytes, if it could not. */
    IOException failure() {
        return failure;
    }

    /** The lower-case hex MD5 of the bytes read; call once, after reading all of them. */
    String md5Hex() {
        return md5.hex();
    }
}
