package io.openvod.signature;

/** Every reason for which a client-upload signature is refused. */
public enum UploadRejection implements RejectionReason {
    EMPTY("the signature is empty"),
    TOO_LARGE("the signature is longer than the verifier accepts"),
    MALFORMED_BASE64("the signature is not canonical standard Base64"),
    TOO_SHORT("the decoded signature is not longer than its 20-byte MAC"),
    NOT_UTF8("the signed original is not valid UTF-8"),
    MALFORMED_QUERY("the signed original is not a valid query string (bad escape or non-UTF-8 value)"),
    DUPLICATE_FIELD("a parameter appears more than once in the signed original"),
    MISSING_FIELD("a required parameter is missing"),
    UNKNOWN_SECRET_ID("no secret key is known for the signature's secretId"),
    KEY_LOOKUP_FAILED("the secret-key lookup failed; the signature could not be checked"),
    BAD_MAC("the HMAC-SHA1 does not match: the signature was altered or signed with another key"),
    BAD_VALUE("a parameter has a value outside its type or range"),
    INVALID_VALIDITY("expireTime is not after currentTimeStamp"),
    VALIDITY_TOO_LONG("expireTime - currentTimeStamp exceeds the maximum validity"),
    NOT_YET_VALID("currentTimeStamp lies in the future beyond the allowed clock skew"),
    EXPIRED("the signature has expired"),
    REPLAYED("a one-time signature (oneTimeValid=1) was already used"),
    REPLAY_CHECK_FAILED("the one-time-use store could not be consulted");

    private final String description;

    UploadRejection(String description) {
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
}
