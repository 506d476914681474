package io.openvod.signature.cos;

import io.openvod.signature.RejectionReason;

/**
 * Every reason for which a COS request signature is refused, each with the COS XML error to
 * answer with: {@code <Error><Code>cosCode</Code><Message>cosMessage</Message></Error>} and the
 * HTTP status. cos-js retries once after correcting its clock on {@code RequestTimeTooSkewed},
 * and on {@code AccessDenied} whose message is exactly {@code Request has expired}.
 */
public enum CosRejection implements RejectionReason {
    MISSING_AUTHORIZATION("AccessDenied", 403, "Access Denied.", "the Authorization header is missing or empty"),
    AUTHORIZATION_TOO_LARGE("AccessDenied", 403, "Authorization header is too large.",
            "the Authorization header is longer than the verifier accepts"),
    MALFORMED_AUTHORIZATION("AccessDenied", 403, "Authorization header is invalid.",
            "a q-* field is missing, repeated or malformed (q-signature must be 40 lower-case hex digits)"),
    UNSUPPORTED_ALGORITHM("AccessDenied", 403, "Authorization header is invalid.", "q-sign-algorithm is not sha1"),
    MALFORMED_TIME("AccessDenied", 403, "Authorization header is invalid.",
            "q-sign-time or q-key-time is not '<start>;<end>' with start <= end"),
    REQUEST_EXPIRED("AccessDenied", 403, "Request has expired", "the end of q-sign-time or q-key-time has passed"),
    REQUEST_NOT_YET_VALID("RequestTimeTooSkewed", 403,
            "The difference between the request time and the server's time is too large.",
            "the start of q-sign-time or q-key-time lies in the future beyond the allowed clock skew"),
    UNKNOWN_ACCESS_KEY("InvalidAccessKeyId", 403, "The Access Key Id you provided does not exist in our records.",
            "no credential is known for q-ak"),
    KEY_LOOKUP_FAILED("InternalError", 500, "We encountered an internal error. Please try again.",
            "the credential store could not be consulted"),
    MISSING_SECURITY_TOKEN("InvalidToken", 400, "The provided token is malformed or otherwise invalid.",
            "the credential is temporary but the request has no x-cos-security-token"),
    SECURITY_TOKEN_MISMATCH("InvalidToken", 400, "The provided token is malformed or otherwise invalid.",
            "x-cos-security-token is not the token issued with the credential"),
    SIGNED_HEADER_MISSING("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided.",
            "a header named in q-header-list is absent from the request"),
    SIGNED_PARAMETER_MISSING("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided.",
            "a parameter named in q-url-param-list is absent from the request"),
    SIGNATURE_MISMATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided.",
            "q-signature does not match: the request was altered or signed with another key");

    private final String cosCode;
    private final int httpStatus;
    private final String cosMessage;
    private final String description;

    CosRejection(String cosCode, int httpStatus, String cosMessage, String description) {
        this.cosCode = cosCode;
        this.httpStatus = httpStatus;
        this.cosMessage = cosMessage;
        this.description = description;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public String description() {
        return description;
    }

    /** The COS error {@code <Code>}, e.g. {@code SignatureDoesNotMatch}. */
    public String cosCode() {
        return cosCode;
    }

    /** The HTTP status of the error response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The COS error {@code <Message>}; clients may match on it (see the class comment). */
    public String cosMessage() {
        return cosMessage;
    }
}
