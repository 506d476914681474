package io.openvod.core;

/**
 * The broad class of an error. It decides the HTTP status of an API answer, the exit status of
 * a command, and whether retrying can help.
 */
public enum ErrorKind {
    INVALID_INPUT(400, 2, false),
    UNAUTHENTICATED(401, 3, false),
    FORBIDDEN(403, 3, false),
    NOT_FOUND(404, 4, false),
    CONFLICT(409, 5, false),
    TOO_MANY_REQUESTS(429, 6, true),
    UNAVAILABLE(503, 7, true),
    INTERNAL(500, 70, false);

    private final int httpStatus;
    private final int exitStatus;
    private final boolean retryable;

    ErrorKind(int httpStatus, int exitStatus, boolean retryable) {
        this.httpStatus = httpStatus;
        this.exitStatus = exitStatus;
        this.retryable = retryable;
    }

    /** The HTTP status for APIs that use statuses (not the Tencent-compatible ones, which answer 200). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The process exit status of a command that fails with this kind. */
    public int exitStatus() {
        return exitStatus;
    }

    /** True when the same request may succeed later without change. */
    public boolean retryable() {
        return retryable;
    }
}
