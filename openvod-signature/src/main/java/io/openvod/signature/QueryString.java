package io.openvod.signature;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The query-string encoding of the signature's {@code original}.
 *
 * <p>Encoding follows Node's {@code querystring.stringify}, which Tencent's own signature sample
 * uses: UTF-8, upper-case percent escapes, and these characters left as they are:
 * {@code A-Z a-z 0-9 - . _ ~ ! ' ( ) *}. Decoding is {@code application/x-www-form-urlencoded}
 * ({@code +} is a space), so signatures built by the PHP and Java samples parse too.
 */
public final class QueryString {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private QueryString() {
    }

    /**
     * Escapes one key or value exactly as Node's {@code querystring.escape} does.
     *
     * @throws IllegalArgumentException for an unpaired surrogate, which has no UTF-8 form
     */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                appendByte(out, c);
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                if (Character.isSurrogate(c) && (end > value.length() || !Character.isLowSurrogate(value.charAt(end - 1))
                        || Character.isLowSurrogate(c))) {
                    throw new IllegalArgumentException("value contains an unpaired surrogate at index " + i);
                }
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendByte(out, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static void appendByte(StringBuilder out, int c) {
        if (isUnescaped(c)) {
            out.append((char) c);
        } else {
            out.append('%').append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
        }
    }

    /** Joins the pairs in their order as {@code k=v&k=v}. */
    public static String stringify(SequencedMap<String, String> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(escape(e.getKey())).append('=').append(escape(e.getValue()));
        }
        return out.toString();
    }

    /**
     * Parses a form-encoded string into its pairs, in order. Empty segments are skipped; a
     * segment without {@code =} has the empty value.
     *
     * @throws MalformedQueryException on a bad percent escape, bytes that are not UTF-8, or a
     *     key that appears twice
     */
    public static SequencedMap<String, String> parse(String query) {
        SequencedMap<String, String> pairs = new LinkedHashMap<>();
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end > start) {
                String segment = query.substring(start, end);
                int eq = segment.indexOf('=');
                String key = decode(eq < 0 ? segment : segment.substring(0, eq));
                String value = eq < 0 ? "" : decode(segment.substring(eq + 1));
                if (pairs.putIfAbsent(key, value) != null) {
                    throw new MalformedQueryException(MalformedQueryException.Kind.DUPLICATE_KEY,
                            "key '" + key + "' appears more than once");
                }
            }
            start = end + 1;
        }
        return pairs;
    }

    /** Percent-decodes one form-encoded component ({@code +} is a space). */
    public static String decode(String component) {
        if (component.indexOf('%') < 0 && component.indexOf('+') < 0) {
            return component;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int hi = i + 1 < component.length() ? hexValue(component.charAt(i + 1)) : -1;
                int lo = i + 2 < component.length() ? hexValue(component.charAt(i + 2)) : -1;
                if (hi < 0 || lo < 0) {
                    throw new MalformedQueryException(MalformedQueryException.Kind.BAD_ESCAPE,
                            "bad percent escape at offset " + i);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isSurrogate(c) && i + 1 < component.length()) {
                    raw = component.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(raw);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedQueryException(MalformedQueryException.Kind.NOT_UTF8,
                    "percent escapes do not form UTF-8");
        }
    }

    /** The value of an ASCII hex digit, or -1; unlike Character.digit, no other script's digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static boolean isUnescaped(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~'
                || c == '!' || c == '\'' || c == '(' || c == ')' || c == '*';
    }

    /** A query string that cannot be decoded. */
    public static final class MalformedQueryException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        /** What exactly is wrong. */
        public enum Kind { BAD_ESCAPE, NOT_UTF8, DUPLICATE_KEY }

        private final Kind kind;

        MalformedQueryException(Kind kind, String message) {
            super(message);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
