package io.openvod.platform.cos;

import io.openvod.platform.storage.BufferedBody;
import io.openvod.platform.storage.DigestedBody;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A request body of {@code length} bytes whose {@code Content-MD5} is checked as it is read: the
 * read that delivers the last byte fails when the MD5 differs. The object store therefore sees a
 * failed write and keeps what it held before, so a damaged retry of a part (or of an object)
 * cannot destroy the good copy that is already stored and listed. Read as a {@link BufferedBody},
 * it passes on the buffers of a body that hands out buffers (and checks the MD5 after the sink
 * took the last one). A store that writes it takes the MD5 from it ({@link DigestedBody}), so the
 * bytes are digested once.
 */
final class Md5CheckingInputStream extends FilterInputStream implements BufferedBody, DigestedBody {
    private static final int PLAIN_BUFFER = 64 * 1024;
    private final MessageDigest md5;
    private final String expectedHex;
    private long remaining;
    private String md5Hex;
    private byte[] plain;
    private volatile boolean mismatch;

    Md5CheckingInputStream(InputStream body, long length, String expectedHex) {
        super(body);
        this.md5 = newMd5();
        this.expectedHex = expectedHex;
        this.remaining = length;
    }

    @Override
    public String md5Hex() {
        if (remaining > 0) {
            throw new IllegalStateException(remaining + " bytes of the body are still unread");
        }
        if (md5Hex == null) {
            md5Hex = HexFormat.of().formatHex(md5.digest());
        }
        return md5Hex;
    }

    /** Whether the body was read to its end and its MD5 was not the expected one. */
    boolean mismatch() {
        return mismatch;
    }

    /** Whether {@code expectedHex} is the MD5 of an empty body. */
    static boolean matchesEmpty(String expectedHex) {
        return HexFormat.of().formatHex(newMd5().digest()).equals(expectedHex);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            md5.update((byte) b);
            consumed(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            md5.update(buffer, offset, n);
            consumed(n);
        }
        return n;
    }

    @Override
    public int read(long max, BufferSink sink) throws IOException {
        int n;
        if (in instanceof BufferedBody body) {
            n = body.read(max, bytes -> {
                int start = bytes.position();
                md5.update(bytes);
                bytes.position(start);
                sink.accept(bytes);
            });
        } else {
            if (plain == null) {
                plain = new byte[PLAIN_BUFFER];
            }
            byte[] buffer = plain;
            n = in.read(buffer, 0, (int) Math.min(buffer.length, Math.max(1, max)));
            if (n > 0) {
                md5.update(buffer, 0, n);
                sink.accept(ByteBuffer.wrap(buffer, 0, n));
            }
        }
        if (n > 0) {
            consumed(n);
        }
        return n;
    }

    /** Skipping would bypass the digest; the bytes are read instead. */
    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void consumed(int n) throws IOException {
        remaining -= n;
        if (remaining == 0 && !md5Hex().equals(expectedHex)) {
            mismatch = true;
            throw new IOException("the body does not match its Content-MD5");
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from the JDK", e);
        }
    }
}
