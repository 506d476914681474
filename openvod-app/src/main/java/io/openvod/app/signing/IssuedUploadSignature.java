package io.openvod.app.signing;

import io.openvod.signature.SignatureParameters;

/**
 * A signature handed to a client.
 *
 * @param signature the signature string
 * @param requestId the id under which it is audited, also inside its sourceContext
 * @param parameters what it signs
 */
public record IssuedUploadSignature(String signature, String requestId, SignatureParameters parameters) {
    @Override
    public String toString() {
        return "IssuedUploadSignature[requestId=" + requestId + ", parameters=" + parameters + "]";
    }
}
