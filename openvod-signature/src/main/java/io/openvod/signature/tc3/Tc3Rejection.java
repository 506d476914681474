package io.openvod.signature.tc3;

import io.openvod.signature.RejectionReason;

/**
 * Every reason for which a TC3-HMAC-SHA256 request is refused, each with the TencentCloud API
 * 3.0 error code to answer with (in {@code Response.Error.Code}, HTTP status 200).
 */
public enum Tc3Rejection implements RejectionReason {
    MISSING_AUTHORIZATION("MissingParameter", "the Authorization header is missing or empty"),
    AUTHORIZATION_TOO_LARGE("AuthFailure.InvalidAuthorization", "the Authorization header is longer than the verifier accepts"),
    MALFORMED_AUTHORIZATION("AuthFailure.InvalidAuthorization",
            "the Authorization header is not 'TC3-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=<64 hex>'"),
    UNSUPPORTED_ALGORITHM("AuthFailure.InvalidAuthorization", "the Authorization header does not use TC3-HMAC-SHA256"),
    MALFORMED_CREDENTIAL("AuthFailure.InvalidAuthorization",
            "the Credential is not '<SecretId>/<yyyy-MM-dd>/<service>/tc3_request'"),
    INVALID_SECRET_ID("AuthFailure.InvalidSecretId", "the SecretId in the Credential is empty or malformed"),
    SERVICE_MISMATCH("AuthFailure.InvalidAuthorization", "the Credential names another service than this endpoint's"),
    REQUIRED_HEADER_NOT_SIGNED("AuthFailure.InvalidAuthorization", "content-type or host is not among the SignedHeaders"),
    MISSING_TIMESTAMP("MissingParameter", "the X-TC-Timestamp header is missing or empty"),
    MALFORMED_TIMESTAMP("InvalidParameter", "X-TC-Timestamp is not an unsigned decimal number of seconds"),
    TIMESTAMP_OUT_OF_WINDOW("AuthFailure.SignatureExpire", "X-TC-Timestamp is too far from the server time"),
    DATE_MISMATCH("AuthFailure.InvalidAuthorization", "the Credential date is not the UTC date of X-TC-Timestamp"),
    UNKNOWN_SECRET_ID("AuthFailure.SecretIdNotFound", "no secret key is known for the SecretId"),
    KEY_LOOKUP_FAILED("InternalError", "the secret key store could not be consulted"),
    SIGNED_HEADER_MISSING("AuthFailure.SignatureFailure", "a header named in SignedHeaders is absent from the request"),
    SIGNATURE_MISMATCH("AuthFailure.SignatureFailure",
            "the signature does not match: the request was altered or signed with another key");

    private final String tencentCode;
    private final String description;

    Tc3Rejection(String tencentCode, String description) {
        this.tencentCode = tencentCode;
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

    /** The TencentCloud error code for {@code Response.Error.Code}, e.g. {@code AuthFailure.SignatureFailure}. */
    public String tencentCode() {
        return tencentCode;
    }
}
