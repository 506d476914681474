package io.openvod.signature.tc3;

import io.openvod.signature.internal.Crypto;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The string building of TC3-HMAC-SHA256 shared by the signer and the verifier, so that both
 * sides produce the same bytes by construction.
 */
final class Tc3Canonical {
    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String TERMINATOR = "tc3_request";
    /** The last second of year 9999; later timestamps have no {@code yyyy-MM-dd} date. */
    static final long MAX_TIMESTAMP = 253_402_300_799L;

    private Tc3Canonical() {
    }

    /** The UTC calendar date of {@code timestamp} as {@code yyyy-MM-dd}. */
    static String date(long timestamp) {
        return LocalDate.ofEpochDay(Math.floorDiv(timestamp, 86_400L)).toString();
    }

    static String credentialScope(String date, String service) {
        return date + "/" + service + "/" + TERMINATOR;
    }

    /** The canonical form of one header value: trimmed and, when {@code lowerValues}, lower-cased. */
    static String headerValue(String value, boolean lowerValues) {
        String trimmed = value.strip();
        return lowerValues ? trimmed.toLowerCase(Locale.ROOT) : trimmed;
    }

    /** {@code name:value\n} for each header, in the given order; names must already be lower-case. */
    static String canonicalHeaders(List<String> names, List<String> canonicalValues) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append(names.get(i)).append(':').append(canonicalValues.get(i)).append('\n');
        }
        return out.toString();
    }

    static String canonicalRequest(String method, String query, String canonicalHeaders,
            String signedHeaders, String hashedPayload) {
        return method + "\n/\n" + query + "\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + hashedPayload;
    }

    static String stringToSign(String timestamp, String credentialScope, String hashedCanonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n" + hashedCanonicalRequest;
    }

    static String hashHex(byte[] data) {
        return Crypto.hex(Crypto.sha256(data));
    }

    /** kSigning = HMAC(HMAC(HMAC("TC3" + secretKey, date), service), "tc3_request"). */
    static byte[] signingKey(String secretKey, String date, String service) {
        byte[] kDate = Crypto.hmacSha256(Crypto.utf8("TC3" + secretKey), Crypto.utf8(date));
        byte[] kService = Crypto.hmacSha256(kDate, Crypto.utf8(service));
        return Crypto.hmacSha256(kService, Crypto.utf8(TERMINATOR));
    }

    static String signature(byte[] signingKey, String stringToSign) {
        return Crypto.hex(Crypto.hmacSha256(signingKey, Crypto.utf8(stringToSign)));
    }

    static String authorization(String secretId, String credentialScope, String signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /** True for a Tencent service name: lower-case letters, digits and hyphens. */
    static boolean isServiceName(String service) {
        return service != null && service.matches("[a-z0-9][a-z0-9-]{0,62}");
    }
}
