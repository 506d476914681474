package io.openvod.platform.storage.local;

import io.openvod.platform.storage.DigestedBody;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The MD5 of a body the store writes: the body's own when it takes one ({@link DigestedBody}, a
 * body checked against its {@code Content-MD5}), otherwise digested here from the bytes as they
 * are written. Either way each byte is digested once.
 */
final class BodyMd5 {
    private final MessageDigest md5;
    private final DigestedBody digested;

    private BodyMd5(MessageDigest md5, DigestedBody digested) {
        this.md5 = md5;
        this.digested = digested;
    }

    static BodyMd5 of(InputStream body) {
        return body instanceof DigestedBody d ? new BodyMd5(null, d) : new BodyMd5(AtomicFileWriter.md5(), null);
    }

    /** Takes the remaining bytes of {@code bytes} into the digest, leaving its position where it was. */
    void update(ByteBuffer bytes) {
        if (md5 != null) {
            int start = bytes.position();
            md5.update(bytes);
            bytes.position(start);
        }
    }

    void update(byte[] bytes, int offset, int length) {
        if (md5 != null) {
            md5.update(bytes, offset, length);
        }
    }

    /** The hex MD5 of every byte written; once, after the last. */
    String hex() {
        return md5 != null ? HexFormat.of().formatHex(md5.digest()) : digested.md5Hex();
    }
}
