package io.openvod.app.vod;

/**
 * An error answer of a TencentCloud API 3.0 call ({@code Response.Error}, sent with HTTP 200),
 * or an HTTP status other than 200. The message names the action, the code and VOD's message,
 * never a key.
 */
public final class VodApiException extends RuntimeException {
    private final String action;
    private final String code;
    private final String requestId;

    public VodApiException(String action, String code, String message, String requestId) {
        super(action + " failed: " + code + (message.isEmpty() ? "" : " (" + message + ")")
                + (requestId.isEmpty() ? "" : ", RequestId " + requestId));
        this.action = action;
        this.code = code;
        this.requestId = requestId;
    }

    /** The API action, e.g. {@code PullEvents}. */
    public String action() {
        return action;
    }

    /** {@code Response.Error.Code}, e.g. {@code AuthFailure.SignatureFailure}; {@code HttpStatus.<n>} for a non-200 answer. */
    public String code() {
        return code;
    }

    /** {@code Response.RequestId}, empty when none. */
    public String requestId() {
        return requestId;
    }
}
