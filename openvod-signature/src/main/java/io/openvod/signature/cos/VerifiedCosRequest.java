package io.openvod.signature.cos;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * What a valid COS request signature proves.
 *
 * @param accessKeyId the {@code q-ak} that signed the request
 * @param signTime the {@code q-sign-time}
 * @param keyTime the {@code q-key-time}
 * @param signedHeaders the signed headers, lower-case name to the value that was verified
 * @param signedParameters the signed query parameters, lower-case name to the value that was
 *     verified; read parameters from here rather than from the URL, since unsigned parameters
 *     and other values of the same name are not covered
 * @param temporary whether the credential was temporary (its security token was checked)
 */
public record VerifiedCosRequest(
        String accessKeyId,
        CosKeyTime signTime,
        CosKeyTime keyTime,
        SequencedMap<String, String> signedHeaders,
        SequencedMap<String, String> signedParameters,
        boolean temporary) {
    public VerifiedCosRequest {
        signedHeaders = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(signedHeaders));
        signedParameters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(signedParameters));
    }
}
