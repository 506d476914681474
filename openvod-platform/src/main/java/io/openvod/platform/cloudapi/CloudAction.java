package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One action of the TencentCloud API 3.0 endpoint ({@code X-TC-Action}). The front door has
 * verified the TC3 signature and found the caller's account; the action reads its JSON request
 * and returns the fields of {@code Response} (without {@code RequestId}), or throws
 * {@link CloudApiException} with a Tencent error code.
 */
public interface CloudAction {

    /** The {@code X-TC-Action} value, e.g. {@code PullEvents}. */
    String name();

    ObjectNode handle(CloudCall call, ObjectNode request);
}
