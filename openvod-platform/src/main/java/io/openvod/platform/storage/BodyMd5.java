package io.openvod.platform.storage;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The MD5 of a body a store writes, as every store takes it: the body's own when it takes one
 * ({@link DigestedBody}, a body checked against its {@code Content-MD5}), otherwise digested here
 * from the bytes as they pass. Either way each byte is digested once.
 */
public final class BodyMd5 {
    private final MessageDigest md5;
    private final DigestedBody digested;

    private BodyMd5(MessageDigest md5, DigestedBody digested) {
        this.md5 = md5;
        this.digested = digested;
    }

    public static BodyMd5 of(InputStream body) {
        if (body instanceof DigestedBody d) {
            return new BodyMd5(null, d);
        }
        try {
            return new BodyMd5(MessageDigest.getInstance("MD5"), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this Java runtime", e);
        }
    }

    /** Takes the remaining bytes of {@code bytes} into the digest, leaving its position where it was. */
    public void update(ByteBuffer bytes) {
        if (md5 != null) {
            int start = bytes.position();
            md5.update(bytes);
            bytes.position(start);
        }
    }

    public void update(byte[] bytes, int offset, int length) {
        if (md5 != null) {
            md5.update(bytes, offset, length);
        }
    }

    /** The hex MD5 of every byte written; once, after the last. */
    public String hex() {
        return md5 != null ? HexFormat.of().formatHex(md5.digest()) : digested.md5Hex();
    }
}
