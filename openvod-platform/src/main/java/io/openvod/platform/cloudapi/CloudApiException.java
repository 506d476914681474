package io.openvod.platform.cloudapi;

import java.util.Objects;

/**
 * An API 3.0 action refused with a Tencent error code, answered (with HTTP 200, as Tencent does)
 * as {@code {"Response":{"Error":{"Code":…,"Message":…},"RequestId":…}}}.
 */
public final class CloudApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /** @param code Tencent's code, e.g. {@code InvalidParameter} or {@code ResourceNotFound.FileNotExist} */
    public CloudApiException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code == null");
    }

    public String code() {
        return code;
    }
}
