package io.openvod.client;

import java.io.IOException;

/**
 * The app backend (or whatever serves signatures) answered, and refused: a bad or expired token,
 * a banned user, wrong credentials, an upload its policy does not allow. Asking again will not
 * help until something changes, so a {@link SignatureSupplier} that throws it fails the upload
 * with {@link UploadError#SIGNATURE_REFUSED}, which is not retryable. {@link AppSignatures} throws
 * it for a non-zero {@code code} answered with an HTTP status below 500.
 */
public class AppRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /** @param code the service's error name (e.g. {@code USER_BANNED}), or its numeric code as text */
    public AppRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The service's error name, e.g. {@code INVALID_TOKEN}. */
    public String code() {
        return code;
    }
}
