package io.openvod.core;

/** Error codes that any area may use. */
public enum CommonError implements ErrorCode {
    INVALID_ARGUMENT(ErrorKind.INVALID_INPUT, "an argument or request field is missing or invalid"),
    NOT_FOUND(ErrorKind.NOT_FOUND, "the named resource does not exist"),
    UNAVAILABLE(ErrorKind.UNAVAILABLE, "a dependency is temporarily unavailable; retry later"),
    INTERNAL(ErrorKind.INTERNAL, "an unexpected failure; the log has the details under the request id");

    private final ErrorKind kind;
    private final String summary;

    CommonError(ErrorKind kind, String summary) {
        this.kind = kind;
        this.summary = summary;
    }


    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String summary() {
        return summary;
    }
}
