package io.openvod.core;

/** Error codes of the signature tools and of every component that checks a signature. */
public enum SignatureError implements ErrorCode {
    SIGNATURE_MALFORMED(ErrorKind.INVALID_INPUT, "the signature cannot be decoded or lacks a required field"),
    SIGNATURE_REJECTED(ErrorKind.UNAUTHENTICATED, "the signature does not verify: wrong key, altered, expired, or reused"),
    SECRET_KEY_UNAVAILABLE(ErrorKind.INVALID_INPUT, "no secret key was supplied for the secret id");

    private final ErrorKind kind;
    private final String summary;

    SignatureError(ErrorKind kind, String summary) {
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
