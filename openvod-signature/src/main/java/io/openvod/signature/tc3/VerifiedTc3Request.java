package io.openvod.signature.tc3;

import java.util.List;
import java.util.Optional;

/**
 * What a valid TC3-HMAC-SHA256 signature proves about a request.
 *
 * @param secretId the key that signed it
 * @param timestamp the signed {@code X-TC-Timestamp}, Unix seconds
 * @param signedHeaders the lower-case names of the signed headers, in signed order
 * @param token the {@code X-TC-Token} header of a temporary credential when present; the
 *     verifier does not check it, the caller must
 */
public record VerifiedTc3Request(String secretId, long timestamp, List<String> signedHeaders, Optional<String> token) {
    public VerifiedTc3Request {
        signedHeaders = List.copyOf(signedHeaders);
    }

    @Override
    public String toString() {
        return "VerifiedTc3Request[secretId=" + secretId + ", timestamp=" + timestamp
                + ", signedHeaders=" + signedHeaders + ", token=" + (token.isPresent() ? "****" : "none") + "]";
    }
}
