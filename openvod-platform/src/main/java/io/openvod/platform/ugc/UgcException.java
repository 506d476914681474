package io.openvod.platform.ugc;

import io.openvod.core.OpenVodException;

/** A UGC API call refused with a {@link UgcError}; the message is safe to show the client. */
public final class UgcException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    public UgcException(UgcError error, String message) {
        super(error, message);
    }

    public UgcException(UgcError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public UgcError error() {
        return (UgcError) errorCode();
    }
}
