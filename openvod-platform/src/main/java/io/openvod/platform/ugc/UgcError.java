package io.openvod.platform.ugc;

import io.openvod.core.ErrorCode;
import io.openvod.core.ErrorKind;

/**
 * Why a UGC upload API call ({@code /v3/index.php?Action=…}) failed. The API always answers
 * HTTP 200 with {@code {"code": tencentCode, "message": …}}; only {@code 10010} (signature expired)
 * is a code Tencent's clients know by number, the others are OpenVOD's and documented in
 * {@code docs/errors.md}.
 */
public enum UgcError implements ErrorCode {
    INVALID_REQUEST(10001, ErrorKind.INVALID_INPUT, "invalid request",
            "the body is not a JSON object, or a field is missing, of the wrong type or out of range"),
    INVALID_SIGNATURE(10002, ErrorKind.UNAUTHENTICATED, "invalid signature",
            "the signature is malformed, altered, or signed with another key"),
    UNKNOWN_SECRET_ID(10003, ErrorKind.UNAUTHENTICATED, "invalid signature: unknown secretId",
            "the signature's secretId is not a key of this platform, or it was revoked"),
    SIGNATURE_REPLAYED(10004, ErrorKind.CONFLICT, "duplicate vod signature",
            "a one-time signature (oneTimeValid=1) was already used; fetch a new one"),
    SIGNATURE_NOT_YET_VALID(10005, ErrorKind.UNAUTHENTICATED, "invalid signature: currentTimeStamp is in the future",
            "the signature's currentTimeStamp lies further in the future than the allowed clock skew"),
    SUB_APP_NOT_FOUND(10006, ErrorKind.FORBIDDEN, "vodSubAppId is not an application of this account",
            "the signature names a vodSubAppId that the signing key's account does not own"),
    SESSION_NOT_FOUND(10007, ErrorKind.NOT_FOUND, "invalid vodSessionKey",
            "the vodSessionKey is unknown, expired, already committed, or belongs to another account"),
    UPLOAD_INCOMPLETE(10008, ErrorKind.CONFLICT, "upload is not complete",
            "Commit came before the media (or cover) object was fully uploaded, or its size differs from the declared size"),
    UPLOAD_FILE_TOO_LARGE(10009, ErrorKind.INVALID_INPUT, "file too large",
            "the declared videoSize or coverSize is above the platform's limit"),
    SIGNATURE_EXPIRED(10010, ErrorKind.UNAUTHENTICATED, "signature expired",
            "the signature's expireTime has passed; fetch a new signature"),
    MEDIA_NOT_FOUND(10011, ErrorKind.NOT_FOUND, "fileId not found",
            "the fileId whose cover is to be replaced does not exist in this application"),
    UNSUPPORTED_ACTION(10012, ErrorKind.NOT_FOUND, "unsupported action",
            "the Action is not PrepareUploadUGC, ApplyUploadUGC or CommitUploadUGC"),
    UPLOAD_INTERNAL(10500, ErrorKind.INTERNAL, "internal error",
            "an unexpected failure; retry, and report the request id if it persists"),
    UPLOAD_UNAVAILABLE(10503, ErrorKind.UNAVAILABLE, "service unavailable",
            "storage or the database is temporarily unavailable; retry later");

    private final int tencentCode;
    private final ErrorKind kind;
    private final String wireMessage;
    private final String summary;

    UgcError(int tencentCode, ErrorKind kind, String wireMessage, String summary) {
        this.tencentCode = tencentCode;
        this.kind = kind;
        this.wireMessage = wireMessage;
        this.summary = summary;
    }

    /** The number in the response's {@code code} field. */
    public int tencentCode() {
        return tencentCode;
    }

    /** The start of the response's {@code message}. */
    public String wireMessage() {
        return wireMessage;
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
