package io.openvod.signature;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Takes a client-upload signature apart: Base64, then the MAC and the {@code original}, then the
 * query fields. Tolerates what transports do to Base64 (line breaks, missing padding, the
 * URL-safe alphabet, and {@code +} turned into a space by form decoding) but accepts only the
 * canonical encoding of the bytes, so a signature has exactly one accepted spelling per transport.
 */
public final class UploadSignatureDecoder {
    /** Length of the HMAC-SHA1 that prefixes the original. */
    public static final int MAC_LENGTH = 20;
    /** Default upper bound on the signature's length in characters. */
    public static final int DEFAULT_MAX_LENGTH = 32 * 1024;

    private final int maxLength;

    public UploadSignatureDecoder() {
        this(DEFAULT_MAX_LENGTH);
    }

    public UploadSignatureDecoder(int maxLength) {
        if (maxLength < 64) {
            throw new IllegalArgumentException("maxLength " + maxLength + " is below 64");
        }
        this.maxLength = maxLength;
    }

    /** Decodes without checking the MAC, the fields' values or the time. Never throws for bad input. */
    public Verdict<DecodedSignature> decode(String signature) {
        if (signature == null || signature.isBlank()) {
            return Verdict.reject(UploadRejection.EMPTY, "no signature given");
        }
        if (signature.length() > maxLength) {
            return Verdict.reject(UploadRejection.TOO_LARGE,
                    "signature has " + signature.length() + " characters; the limit is " + maxLength);
        }
        // No strip(): a leading or trailing space is a '+' that form decoding turned into a space.
        String normalized = normalizeBase64(signature);
        if (normalized == null) {
            return Verdict.reject(UploadRejection.MALFORMED_BASE64, "signature contains characters outside Base64");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(normalized);
        } catch (IllegalArgumentException e) {
            return Verdict.reject(UploadRejection.MALFORMED_BASE64, "signature is not valid Base64: " + e.getMessage());
        }
        if (!Base64.getEncoder().encodeToString(raw).equals(normalized)) {
            return Verdict.reject(UploadRejection.MALFORMED_BASE64, "signature is not the canonical Base64 of its bytes");
        }
        if (raw.length <= MAC_LENGTH) {
            return Verdict.reject(UploadRejection.TOO_SHORT, "decoded signature has " + raw.length + " bytes");
        }
        byte[] mac = Arrays.copyOfRange(raw, 0, MAC_LENGTH);
        byte[] originalBytes = Arrays.copyOfRange(raw, MAC_LENGTH, raw.length);
        String original;
        try {
            original = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(originalBytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Verdict.reject(UploadRejection.NOT_UTF8, "original is not valid UTF-8");
        }
        try {
            return Verdict.accept(new DecodedSignature(mac, originalBytes, original, QueryString.parse(original)));
        } catch (QueryString.MalformedQueryException e) {
            UploadRejection reason = e.kind() == QueryString.MalformedQueryException.Kind.DUPLICATE_KEY
                    ? UploadRejection.DUPLICATE_FIELD
                    : UploadRejection.MALFORMED_QUERY;
            return Verdict.reject(reason, e.getMessage());
        }
    }

    /**
     * Removes CR, LF and tabs wherever they are, maps the URL-safe alphabet and spaces (a {@code +}
     * after form decoding, also at either end) back to standard Base64, and restores padding.
     * Returns null for other characters.
     */
    private static String normalizeBase64(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\r', '\n', '\t' -> { }
                case ' ', '-' -> out.append('+');
                case '_' -> out.append('/');
                default -> {
                    boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                            || c == '+' || c == '/' || c == '=';
                    if (!ok) {
                        return null;
                    }
                    out.append(c);
                }
            }
        }
        String body = out.toString();
        int pad = body.indexOf('=');
        if (pad >= 0 && !body.substring(pad).chars().allMatch(ch -> ch == '=')) {
            return null;
        }
        String unpadded = pad >= 0 ? body.substring(0, pad) : body;
        int remainder = unpadded.length() % 4;
        if (remainder == 1) {
            return null;
        }
        return remainder == 0 ? unpadded : unpadded + "=".repeat(4 - remainder);
    }
}
