package io.openvod.app;

import io.openvod.core.OpenVodException;
import java.util.OptionalLong;

/** A refusal of the app backend, with its {@link AppError}; the HTTP edge turns it into the envelope. */
public class AppException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public AppException(AppError error, String message) {
        this(error, message, -1);
    }

    public AppException(AppError error, String message, long retryAfterSeconds) {
        super(error, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public AppError error() {
        return (AppError) errorCode();
    }

    /** For rate and quota refusals: when a retry may succeed. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds >= 0 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
    }
}
