package io.openvod.platform.cos.protocol;

import java.util.Base64;
import java.util.HexFormat;

/**
 * The {@code Content-MD5} request header: the standard Base64 encoding of the 16-byte MD5 of the
 * body, e.g. {@code 4R4pKpoB0AP/U3T7cV0PFA==}. A value that is not exactly that shape is {@link
 * CosErrorCode#INVALID_DIGEST}; a well-formed value that differs from the body's MD5 is {@link
 * CosErrorCode#BAD_DIGEST}.
 */
public final class ContentMd5 {
    private static final HexFormat HEX = HexFormat.of();

    private ContentMd5() {
    }

    /**
     * Decodes the header to the lower-case hex MD5 it carries. Surrounding whitespace is ignored;
     * the value must otherwise be 24 characters of the standard Base64 alphabet ending in
     * {@code ==}, as every client writes it.
     *
     * @throws CosProtocolException {@link CosErrorCode#INVALID_DIGEST} for anything else
     */
    public static String toHex(String header) {
        String value = header == null ? "" : header.strip();
        if (value.length() != 24 || !value.endsWith("==")) {
            throw invalid();
        }
        byte[] md5;
        try {
            md5 = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (md5.length != 16) {
            throw invalid();
        }
        return HEX.formatHex(md5);
    }

    /**
     * Checks that the header matches a body whose MD5 is {@code bodyMd5Hex}.
     *
     * @throws CosProtocolException {@link CosErrorCode#INVALID_DIGEST} when the header is malformed,
     *     {@link CosErrorCode#BAD_DIGEST} when it names another MD5
     */
    public static void verify(String header, String bodyMd5Hex) {
        if (!toHex(header).equalsIgnoreCase(bodyMd5Hex)) {
            throw new CosProtocolException(CosErrorCode.BAD_DIGEST);
        }
    }

    /** The header value for a body whose 16-byte MD5 is {@code md5}. */
    public static String headerValue(byte[] md5) {
        return Base64.getEncoder().encodeToString(md5);
    }

    private static CosProtocolException invalid() {
        return new CosProtocolException(CosErrorCode.INVALID_DIGEST);
    }
}
