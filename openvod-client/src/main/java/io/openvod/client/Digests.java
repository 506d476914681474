package io.openvod.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** MD5 as COS wants it: hex for ETags, Base64 for {@code Content-MD5}. */
final class Digests {
    private Digests() {
    }

    static byte[] md5(byte[] bytes, int length) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(bytes, 0, length);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(md5(bytes, bytes.length));
    }

    /** The quoted lower-case hex MD5, as COS reports part ETags. */
    static String quotedHex(byte[] md5) {
        return "\"" + HexFormat.of().formatHex(md5) + "\"";
    }
}
