package io.openvod.platform.cos.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of an object, from a {@code Range} request header (RFC 9110 §14).
 *
 * <p>Decisions:
 * <ul>
 *   <li>A missing header, one that is not a syntactically valid single {@code bytes} range
 *       ({@code items=0-1}, {@code bytes=5-2}, {@code bytes=x-}), or one with several ranges is
 *       ignored: the whole object is served with 200. RFC 9110 lets a server ignore any
 *       {@code Range}; multipart/byteranges answers are not worth their complexity here.</li>
 *   <li>{@code bytes=a-b} and {@code bytes=a-} with {@code a} at or beyond the end, and
 *       {@code bytes=-0}, are unsatisfiable: {@link CosErrorCode#INVALID_RANGE} (416), answered with
 *       {@code Content-Range: }{@link #unsatisfiedContentRange}. This includes every first-last
 *       range of an empty object.</li>
 *   <li>A last position beyond the end is clamped; a suffix longer than the object means the
 *       whole object (as a 206 with its full range). A suffix range on an empty object is served as
 *       the whole (empty) object with 200, since no {@code Content-Range} can describe zero bytes.</li>
 * </ul>
 *
 * @param offset the first byte
 * @param length the number of bytes, at least 1
 */
public record ByteRange(long offset, long length) {
    private static final Pattern SINGLE = Pattern.compile("bytes[ \\t]*=[ \\t]*([0-9]*)-([0-9]*)[ \\t]*");

    public ByteRange {
        if (offset < 0 || length < 1) {
            throw new IllegalArgumentException("offset " + offset + ", length " + length);
        }
    }

    /**
     * The range {@code header} selects in an object of {@code size} bytes; empty to serve the whole
     * object with 200.
     *
     * @throws CosProtocolException {@link CosErrorCode#INVALID_RANGE} when the range is unsatisfiable
     */
    public static Optional<ByteRange> parse(String header, long size) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) { // bytes=-n: the last n bytes
            long suffix = number(m.group(2));
            if (suffix == 0) {
                throw unsatisfiable(size);
            }
            return size == 0 ? Optional.empty() : Optional.of(new ByteRange(size - Math.min(suffix, size), Math.min(suffix, size)));
        }
        long first = number(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
        if (last < first) {
            return Optional.empty(); // invalid syntax per RFC 9110: ignored
        }
        if (first >= size) {
            throw unsatisfiable(size);
        }
        return Optional.of(new ByteRange(first, Math.min(last, size - 1) - first + 1));
    }

    /** The last byte, inclusive. */
    public long last() {
        return offset + length - 1;
    }

    /** The {@code Content-Range} of a 206 answer: {@code bytes <first>-<last>/<size>}. */
    public String contentRange(long size) {
        return "bytes " + offset + "-" + last() + "/" + size;
    }

    /** True when the range covers all of an object of {@code size} bytes. */
    public boolean isWhole(long size) {
        return offset == 0 && length == size;
    }

    /** The {@code Content-Range} of a 416 answer: {@code bytes *}{@code /<size>}. */
    public static String unsatisfiedContentRange(long size) {
        return "bytes */" + size;
    }

    /** Parses decimal digits, saturating at {@link Long#MAX_VALUE}. */
    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=[0-9])", "");
        return d.length() > 18 ? Long.MAX_VALUE : Long.parseLong(d);
    }

    private static CosProtocolException unsatisfiable(long size) {
        return new CosProtocolException(CosErrorCode.INVALID_RANGE,
                "The requested range is not satisfiable (object size " + size + ").");
    }
}
