package io.openvod.core;

import java.util.Objects;

/**
 * The one exception type that crosses module boundaries. It carries an {@link ErrorCode}; edges
 * (HTTP, CLI) map the code to an answer in one place each.
 */
public class OpenVodException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode errorCode;

    public OpenVodException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    public OpenVodException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode == null");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return errorCode.code() + ": " + getMessage();
    }
}
