package io.openvod.signature.tc3;

/**
 * A TC3-HMAC-SHA256 signature with every intermediate value, for sending and for debugging a
 * mismatch against another implementation.
 *
 * @param authorization the value of the {@code Authorization} header
 * @param signature lower-case hex HMAC-SHA256 of {@code stringToSign}
 * @param signedHeaders the lower-case header names, sorted and joined by {@code ;}
 * @param canonicalRequest the canonical request, lines joined by {@code \n}
 * @param hashedCanonicalRequest lower-case hex SHA-256 of {@code canonicalRequest}
 * @param stringToSign the string that the signing key MACs
 * @param credentialScope {@code yyyy-MM-dd/service/tc3_request}
 * @param hashedPayload lower-case hex SHA-256 of the body
 * @param timestamp the value to send in {@code X-TC-Timestamp}
 */
public record Tc3Signature(
        String authorization,
        String signature,
        String signedHeaders,
        String canonicalRequest,
        String hashedCanonicalRequest,
        String stringToSign,
        String credentialScope,
        String hashedPayload,
        long timestamp) {
}
