package io.openvod.signature.cos;

import io.openvod.signature.internal.Crypto;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The string building of the COS request signature, shared by the signer and the verifier.
 *
 * <p>Two spellings of parameter and header keys exist. {@link KeyStyle#SPEC} is the documented
 * one: lower-case the key, then RFC 3986 encode it (upper-case hex), and sort by the encoded
 * key. {@link KeyStyle#COS_JS} is what cos-js computes: encode the key as given, lower-case the
 * whole result (so escapes have lower-case hex) and sort by the lower-cased raw key. They differ
 * only for keys with characters outside {@code A-Z a-z 0-9 - _ . ~}.
 */
final class CosCanonical {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    enum KeyStyle { SPEC, COS_JS }

    private CosCanonical() {
    }

    /**
     * RFC 3986 encoding of the UTF-8 bytes: all but {@code A-Z a-z 0-9 - _ . ~} as upper-case
     * {@code %XX}. An unpaired surrogate (not valid text) is encoded as {@code ?}, never thrown on.
     */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** Strict percent-decoding to UTF-8 ({@code +} stays a plus); empty when malformed. */
    static Optional<String> decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 1 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = i + 2 < text.length() ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The encoded form of one key in the given style. */
    static String encodeKey(String rawKey, KeyStyle style) {
        return style == KeyStyle.SPEC
                ? encode(rawKey.toLowerCase(Locale.ROOT))
                : encode(rawKey).toLowerCase(Locale.ROOT);
    }

    /** {@code k=v&k=v} of raw name/value pairs, keys encoded and ordered in the given style. */
    static String pairs(List<Map.Entry<String, String>> raw, KeyStyle style) {
        List<String[]> encoded = new ArrayList<>(raw.size());
        for (Map.Entry<String, String> e : raw) {
            String sortKey = style == KeyStyle.SPEC ? encodeKey(e.getKey(), style) : e.getKey().toLowerCase(Locale.ROOT);
            encoded.add(new String[] {sortKey, encodeKey(e.getKey(), style), encode(e.getValue())});
        }
        encoded.sort(Comparator.comparing(a -> a[0]));
        StringBuilder out = new StringBuilder();
        for (String[] e : encoded) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(e[1]).append('=').append(e[2]);
        }
        return out.toString();
    }

    /** The {@code q-header-list} / {@code q-url-param-list} value: sorted encoded keys joined by {@code ;}. */
    static String keyList(List<Map.Entry<String, String>> raw, KeyStyle style) {
        return String.join(";", raw.stream().map(e -> encodeKey(e.getKey(), style)).sorted().toList());
    }

    static String httpString(String method, String pathname, String params, String headers) {
        return method.toLowerCase(Locale.ROOT) + "\n" + pathname + "\n" + params + "\n" + headers + "\n";
    }

    static String stringToSign(String signTime, String httpString) {
        return "sha1\n" + signTime + "\n" + Crypto.hex(Crypto.sha1(Crypto.utf8(httpString))) + "\n";
    }

    /** SignKey = hex(HMAC-SHA1(secretKey, keyTime)); its hex text is the key of the next step. */
    static String signKey(String secretKey, String keyTime) {
        return Crypto.hex(Crypto.hmacSha1(Crypto.utf8(secretKey), Crypto.utf8(keyTime)));
    }

    static String signature(String signKey, String stringToSign) {
        return Crypto.hex(Crypto.hmacSha1(Crypto.utf8(signKey), Crypto.utf8(stringToSign)));
    }

    static String authorization(String accessKeyId, String signTime, String keyTime, String headerList,
            String urlParamList, String signature) {
        return "q-sign-algorithm=sha1&q-ak=" + accessKeyId + "&q-sign-time=" + signTime + "&q-key-time=" + keyTime
                + "&q-header-list=" + headerList + "&q-url-param-list=" + urlParamList + "&q-signature=" + signature;
    }
}
