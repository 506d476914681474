package io.openvod.platform.cos.protocol;

import java.util.Optional;

/**
 * The COS error codes the object API answers with, in COS's own spelling ({@link #code()}), each
 * with its HTTP status and a default message. These are the values of {@code <Error><Code>} in
 * the error body ({@link CosXml#error}); COS clients branch on them, so they are wire constants.
 *
 * <p>Clock skew: cos-js corrects its clock and retries once when the code is {@link
 * #REQUEST_TIME_TOO_SKEWED}, or {@link #ACCESS_DENIED} with exactly the message {@link
 * #REQUEST_EXPIRED_MESSAGE}, and the server's {@code Date} header (or {@code Error.ServerTime}) is
 * at least 30 s away from its own clock. An expired signature should therefore be answered with
 * {@code AccessDenied} / {@value #REQUEST_EXPIRED_MESSAGE}.
 */
public enum CosErrorCode {
    ACCESS_DENIED("AccessDenied", 403, "Access Denied."),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403,
            "The request signature we calculated does not match the signature you provided."),
    INVALID_ACCESS_KEY_ID("InvalidAccessKeyId", 403, "The access key Id you provided does not exist in our records."),
    INVALID_TOKEN("InvalidToken", 400, "The provided security token is malformed or otherwise invalid."),
    REQUEST_TIME_TOO_SKEWED("RequestTimeTooSkewed", 403,
            "The difference between the request time and the server's time is too large."),
    NO_SUCH_BUCKET("NoSuchBucket", 404, "The specified bucket does not exist."),
    NO_SUCH_KEY("NoSuchKey", 404, "The specified key does not exist."),
    NO_SUCH_UPLOAD("NoSuchUpload", 404,
            "The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
    /** A part listed in Complete Multipart Upload is missing, or its ETag differs from the stored part's. */
    INVALID_PART("InvalidPart", 400,
            "One or more of the specified parts could not be found, or the specified entity tag did not match the part's entity tag."),
    INVALID_PART_ORDER("InvalidPartOrder", 400,
            "The list of parts was not in ascending order. Parts must be ordered by part number."),
    ENTITY_TOO_SMALL("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size."),
    ENTITY_TOO_LARGE("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed size."),
    MALFORMED_XML("MalformedXML", 400,
            "The XML you provided was not well-formed or did not validate against our published schema."),
    /** {@code Content-MD5} is not the Base64 encoding of exactly 16 bytes. */
    INVALID_DIGEST("InvalidDigest", 400, "The Content-MD5 you specified is not valid."),
    /** {@code Content-MD5} is well-formed but does not match the body received. */
    BAD_DIGEST("BadDigest", 400, "The Content-MD5 you specified did not match what we received."),
    INCOMPLETE_BODY("IncompleteBody", 400,
            "You did not provide the number of bytes specified by the Content-Length HTTP header."),
    MISSING_CONTENT_LENGTH("MissingContentLength", 411, "You must provide the Content-Length HTTP header."),
    INVALID_ARGUMENT("InvalidArgument", 400, "Invalid Argument."),
    INVALID_RANGE("InvalidRange", 416, "The requested range is not satisfiable."),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405, "The specified method is not allowed against this resource."),
    NOT_IMPLEMENTED("NotImplemented", 501, "A header you provided implies functionality that is not implemented."),
    INTERNAL_ERROR("InternalError", 500, "We encountered an internal error. Please try again."),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503, "Please reduce your request rate."),
    INVALID_REQUEST("InvalidRequest", 400, "The request is not valid."),
    KEY_TOO_LONG("KeyTooLong", 400, "Your key is too long.");

    /** The {@code AccessDenied} message that makes cos-js treat the failure as clock skew. */
    public static final String REQUEST_EXPIRED_MESSAGE = "Request has expired";

    private final String code;
    private final int httpStatus;
    private final String defaultMessage;

    CosErrorCode(String code, int httpStatus, String defaultMessage) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.defaultMessage = defaultMessage;
    }

    /** The wire spelling, e.g. {@code NoSuchUpload}. */
    public String code() {
        return code;
    }

    /** The HTTP status of a response carrying this code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The message sent when the caller has nothing more specific to say. */
    public String defaultMessage() {
        return defaultMessage;
    }

    /** Looks a code up by its wire spelling (case-sensitive, as COS clients compare it). */
    public static Optional<CosErrorCode> fromCode(String code) {
        for (CosErrorCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
