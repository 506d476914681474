package io.openvod.platform.cos.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The ETag rules of the object API.
 *
 * <ul>
 *   <li>A part's (and a single-PUT object's) ETag is {@code "<md5hex>"}: the quoted lower-case hex
 *       MD5 of its bytes. Resuming clients compare it with the MD5 of their own chunk, so any other
 *       value makes them restart the upload from zero.</li>
 *   <li>A completed multipart object's ETag is {@code "<hex(MD5(md5(part 1) ‖ … ‖ md5(part n)))>-<n>"}:
 *       the MD5 of the concatenated binary part MD5s, in part order, then a dash and the part count.</li>
 * </ul>
 */
public final class MultipartEtag {
    private static final HexFormat HEX = HexFormat.of();

    private MultipartEtag() {
    }

    /** True when {@code value} is 32 lower-case hex digits. */
    public static boolean isMd5Hex(String value) {
        if (value == null || value.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Wraps {@code value} in double quotes. */
    public static String quote(String value) {
        return '"' + value + '"';
    }

    /**
     * Strips surrounding whitespace and one pair of surrounding quotes, literal ({@code "…"}) or
     * still entity-escaped ({@code &quot;…&quot;}); a value without them is returned trimmed.
     */
    public static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.length() >= 12 && v.startsWith("&quot;") && v.endsWith("&quot;")) {
            return v.substring(6, v.length() - 6);
        }
        return v;
    }

    /** The quoted ETag of a part whose MD5 is {@code md5Hex} (32 lower-case hex digits). */
    public static String partEtag(String md5Hex) {
        if (!isMd5Hex(md5Hex)) {
            throw new IllegalArgumentException("not a lower-case hex MD5: " + md5Hex);
        }
        return quote(md5Hex);
    }

    /** The quoted ETag of a part whose 16-byte MD5 digest is {@code md5}. */
    public static String partEtag(byte[] md5) {
        if (md5.length != 16) {
            throw new IllegalArgumentException("an MD5 digest has 16 bytes, not " + md5.length);
        }
        return quote(HEX.formatHex(md5));
    }

    /**
     * The quoted ETag of an object assembled from parts whose hex MD5s are {@code partMd5Hex}, in
     * part order: {@code "<hex(MD5(concatenated binary MD5s))>-<count>"}.
     *
     * @throws IllegalArgumentException when the list is empty or an entry is not a lower-case hex MD5
     */
    public static String multipartEtag(List<String> partMd5Hex) {
        if (partMd5Hex.isEmpty()) {
            throw new IllegalArgumentException("a multipart object has at least one part");
        }
        MessageDigest md5 = newMd5();
        for (String hex : partMd5Hex) {
            if (!isMd5Hex(hex)) {
                throw new IllegalArgumentException("not a lower-case hex MD5: " + hex);
            }
            md5.update(HEX.parseHex(hex));
        }
        return quote(HEX.formatHex(md5.digest()) + "-" + partMd5Hex.size());
    }

    /** The lower-case hex MD5 of {@code data}. */
    public static String md5Hex(byte[] data) {
        return HEX.formatHex(newMd5().digest(data));
    }

    /** A new MD5 digest (every JDK provides MD5). */
    public static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }
}
