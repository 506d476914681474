package io.openvod.app.signing;

import io.openvod.core.trace.TraceParent;
import io.openvod.signature.SignatureParameters;

/**
 * A signature handed to a client.
 *
 * @param signature the signature string
 * @param requestId the id under which it is audited, also inside its sourceContext
 * @param parameters what it signs
 * @param trace the position of the signature step: the trace the upload belongs to
 *     ({@link TraceParent#ofRequestId} of {@code requestId})
 */
public record IssuedUploadSignature(String signature, String requestId, SignatureParameters parameters, TraceParent trace) {
    @Override
    public String toString() {
        return "IssuedUploadSignature[requestId=" + requestId + ", parameters=" + parameters + ", trace=" + trace + "]";
    }
}
