package io.openvod.app;

import io.openvod.core.ErrorCode;
import io.openvod.core.ErrorKind;

/**
 * The app backend's error codes. Each has the numeric {@code code} of the JSON envelope
 * ({@code {"code":…,"message":…}}, the shape of Tencent's signature-service sample) and an
 * HTTP status from its kind. The table is documented in {@code docs/app.md}.
 */
public enum AppError implements ErrorCode {
    BAD_REQUEST(40000, ErrorKind.INVALID_INPUT, "the request is malformed or a field is invalid"),
    FILE_SIZE_REQUIRED(40001, ErrorKind.INVALID_INPUT, "a bytes-per-day quota applies, so the request must declare fileSize"),
    EVENT_MALFORMED(40010, ErrorKind.INVALID_INPUT, "the event body is not a VOD event (v3 or v2 shape)"),
    EVENT_TOO_LARGE(40011, ErrorKind.INVALID_INPUT, "the event body is larger than app.receipt.maxBodyBytes"),
    ENDPOINT_NOT_FOUND(40400, ErrorKind.NOT_FOUND, "no such endpoint"),
    VIDEO_NOT_FOUND(40401, ErrorKind.NOT_FOUND, "no such video, or it is not the caller's"),
    NOT_SIGNED_IN(40100, ErrorKind.UNAUTHENTICATED, "no credentials: sign in or send a bearer token"),
    INVALID_CREDENTIALS(40101, ErrorKind.UNAUTHENTICATED, "the user name and password do not match"),
    INVALID_TOKEN(40102, ErrorKind.UNAUTHENTICATED, "the bearer token is unknown, revoked or malformed"),
    TOKEN_EXPIRED(40103, ErrorKind.UNAUTHENTICATED, "the bearer token or JWT has expired"),
    WEBHOOK_SIGNATURE_INVALID(40104, ErrorKind.UNAUTHENTICATED,
            "the event's Standard Webhooks signature is missing, does not verify, or its timestamp is outside the tolerance"),
    USER_BANNED(40300, ErrorKind.FORBIDDEN, "the user is banned or the user's role is disabled"),
    PROCEDURE_NOT_ALLOWED(40301, ErrorKind.FORBIDDEN, "the requested procedure is not allowed for this user"),
    CLASS_NOT_ALLOWED(40302, ErrorKind.FORBIDDEN, "the requested classId is not allowed for this user"),
    FILE_TOO_LARGE(40303, ErrorKind.FORBIDDEN, "the declared file size exceeds the user's maximum"),
    OPTION_NOT_ALLOWED(40304, ErrorKind.FORBIDDEN, "the request asks for a signature option the policy does not let clients choose"),
    NOT_A_MODERATOR(40305, ErrorKind.FORBIDDEN, "the caller's role is not one of app.receipt.moderatorRoles"),
    EVENT_OTHER_APPLICATION(40306, ErrorKind.FORBIDDEN,
            "the event names another VOD application than app.receipt.subAppId, or a signed event names none"),
    RATE_LIMITED(42900, ErrorKind.TOO_MANY_REQUESTS, "too many signature requests; retry after the Retry-After seconds"),
    UPLOAD_QUOTA_EXCEEDED(42901, ErrorKind.TOO_MANY_REQUESTS, "the user's uploads-per-day quota is used up"),
    BYTES_QUOTA_EXCEEDED(42902, ErrorKind.TOO_MANY_REQUESTS, "the declared size would exceed the user's bytes-per-day quota"),
    ACCOUNT_EXISTS(40900, ErrorKind.CONFLICT, "an account with this user id exists already"),
    VIDEO_DELETED(40901, ErrorKind.CONFLICT, "the video is deleted, so no moderation decision can be made"),
    VIDEO_FAILED(40902, ErrorKind.CONFLICT, "the video failed (e.g. it is not a playable video), so it cannot be approved"),
    NOT_READY(50303, ErrorKind.UNAVAILABLE, "the app backend is not ready: a check of GET /api/v1/health/ready (its database) failed"),
    VOD_UNAVAILABLE(50302, ErrorKind.UNAVAILABLE, "the VOD did not take the moderator's decision (app.receipt.forbidAtVod); nothing changed, retry"),
    RECEIPT_UNAVAILABLE(50301, ErrorKind.UNAVAILABLE, "the event could not be stored; the sender should retry"),
    NO_SIGNING_KEY(50300, ErrorKind.UNAVAILABLE, "no active VOD key is configured, so no signature can be made"),
    INTERNAL_ERROR(50000, ErrorKind.INTERNAL, "an unexpected failure; the log has the details under the request id");

    private final int wireCode;
    private final ErrorKind kind;
    private final String summary;

    AppError(int wireCode, ErrorKind kind, String summary) {
        this.wireCode = wireCode;
        this.kind = kind;
        this.summary = summary;
    }

    /** The numeric {@code code} of the JSON envelope; never 0 (which means success). */
    public int wireCode() {
        return wireCode;
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
