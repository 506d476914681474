package io.openvod.platform.cos.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as COS uses it: in request paths, in the signature's canonical
 * parameters and in {@code encoding-type=url} listings. Unlike HTML form encoding, {@code +} is an
 * ordinary character in both directions, and a space is {@code %20}.
 */
public final class PercentEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    /**
     * Encodes {@code value} as UTF-8, leaving only the unreserved characters {@code A–Z a–z 0–9 - _
     * . ~} bare (and {@code /} when {@code keepSlash}); every other byte becomes {@code %XX} with
     * upper-case hex. A result of this method decodes to {@code value} under both RFC 3986 and form
     * decoding, because it contains neither {@code +} nor a space.
     */
    public static String encode(String value, boolean keepSlash) {
        StringBuilder out = null;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            boolean bare = isUnreserved(b) || (keepSlash && b == '/');
            if (bare && out == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(bytes.length * 3);
                out.append(value, 0, i); // bytes before i are ASCII, so byte index == char index
            }
            if (bare) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return out == null ? value : out.toString();
    }

    /**
     * Decodes {@code %XX} escapes (either hex case) and reads the resulting bytes as strict UTF-8.
     * Characters that are not escaped are taken as they are; non-ASCII ones count as their UTF-8
     * bytes. {@code +} stays {@code +}.
     *
     * @throws CosProtocolException {@link CosErrorCode#INVALID_ARGUMENT} when a {@code %} is not
     *     followed by two hex digits or the bytes are not valid UTF-8
     */
    public static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length() || !isAsciiHex(value.charAt(i + 1)) || !isAsciiHex(value.charAt(i + 2))) {
                    throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT, "Invalid percent-encoding.");
                }
                bytes.write(Character.digit(value.charAt(i + 1), 16) << 4 | Character.digit(value.charAt(i + 2), 16));
                i += 3;
            } else {
                int end = i + 1;
                while (end < value.length() && value.charAt(end) != '%') {
                    end++;
                }
                bytes.writeBytes(strictUtf8(value.substring(i, end)));
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT, "The percent-decoded bytes are not valid UTF-8.", e);
        }
    }

    private static byte[] strictUtf8(String run) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(run));
            byte[] out = new byte[encoded.remaining()];
            encoded.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new CosProtocolException(CosErrorCode.INVALID_ARGUMENT, "The value has an unpaired surrogate.", e);
        }
    }

    private static boolean isUnreserved(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '_' || b == '.' || b == '~';
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
