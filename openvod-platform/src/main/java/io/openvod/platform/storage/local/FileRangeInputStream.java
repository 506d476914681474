package io.openvod.platform.storage.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * Exactly {@code length} bytes of an open file from {@code offset}, read with positional reads.
 * The file stays open (and its bytes stay as they were when opened, even if the object is
 * replaced meanwhile) until the stream is closed.
 */
final class FileRangeInputStream extends InputStream {
    private final FileChannel channel;
    private long position;
    private final long end;

    FileRangeInputStream(FileChannel channel, long offset, long length) {
        this.channel = channel;
        this.position = offset;
        this.end = offset + length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        long remaining = end - position;
        if (remaining <= 0) {
            return -1;
        }
        ByteBuffer buffer = ByteBuffer.wrap(b, off, (int) Math.min(len, remaining));
        int n = channel.read(buffer, position);
        if (n < 0) {
            throw new IOException("the file is shorter than expected: it was truncated while being read");
        }
        position += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long skipped = Math.max(0, Math.min(n, end - position));
        position += skipped;
        return skipped;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, end - position);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
