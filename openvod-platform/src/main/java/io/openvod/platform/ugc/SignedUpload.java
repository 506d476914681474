package io.openvod.platform.ugc;

import io.openvod.signature.SignatureParameters;
import java.util.Objects;

/**
 * A verified upload signature and what it grants: the account of its key, the application it
 * selects, and its parameters (procedure, class, contexts …).
 */
public record SignedUpload(long appId, long subAppId, SignatureParameters parameters) {
    public SignedUpload {
        Objects.requireNonNull(parameters, "parameters == null");
    }
}
