package io.openvod.client;

/**
 * An upload that failed, with a stable {@link UploadError} code and, when the platform answered,
 * the UGC API's numeric code or the COS error code and HTTP status. Messages never contain
 * signatures, keys or tokens.
 */
public final class UploadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final UploadError error;
    private final Integer platformCode;
    private final String cosCode;
    private final int httpStatus;

    UploadException(UploadError error, String message, Integer platformCode, String cosCode, int httpStatus, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.platformCode = platformCode;
        this.cosCode = cosCode;
        this.httpStatus = httpStatus;
    }

    UploadException(UploadError error, String message) {
        this(error, message, null, null, 0, null);
    }

    UploadException(UploadError error, String message, Throwable cause) {
        this(error, message, null, null, 0, cause);
    }

    static UploadException platform(UploadError error, int code, String message) {
        return new UploadException(error, message + " (code " + code + ")", code, null, 200, null);
    }

    static UploadException cos(UploadError error, int status, String cosCode, String message) {
        return new UploadException(error, "COS " + status + " " + cosCode + ": " + message, null, cosCode, status, null);
    }

    /** The stable code. */
    public UploadError error() {
        return error;
    }

    /** The UGC API's {@code code} (e.g. 10010), or null when the failure did not come from it. */
    public Integer platformCode() {
        return platformCode;
    }

    /** The COS error code (e.g. {@code AccessDenied}), or null when the failure did not come from COS. */
    public String cosCode() {
        return cosCode;
    }

    /** The HTTP status of the failed answer, 0 when there was none. */
    public int httpStatus() {
        return httpStatus;
    }

    /** True for failures worth retrying inside one run: transport errors, 5xx, COS throttling and timeouts. */
    boolean transientFailure() {
        return error == UploadError.UNAVAILABLE;
    }

    @Override
    public String toString() {
        return "UploadException[" + error + "]: " + getMessage();
    }
}
