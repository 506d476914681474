package io.openvod.platform.cloudapi;

import java.util.Objects;

/**
 * Who is calling an API 3.0 action: the account of the key that signed the request.
 *
 * @param appId the account (AppId) of the signing key
 * @param secretId the signing key
 * @param requestId the request's id, answered as {@code Response.RequestId}
 * @param subAppIds resolves a request's {@code SubAppId} to an application of this account
 */
public record CloudCall(long appId, String secretId, String requestId, SubAppResolver subAppIds) {
    public CloudCall {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(requestId, "requestId == null");
        Objects.requireNonNull(subAppIds, "subAppIds == null");
    }

    /**
     * The application a request names with {@code SubAppId} (absent, 0 or the AppId: the primary
     * application).
     *
     * @throws CloudApiException {@code InvalidParameterValue.SubAppId} when it is not this account's
     */
    public long subAppId(Long requested) {
        return subAppIds.resolve(appId, requested)
                .orElseThrow(() -> new CloudApiException("InvalidParameterValue.SubAppId",
                        "SubAppId " + requested + " is not an application of this account."));
    }

    /** Finds an account's application. */
    @FunctionalInterface
    public interface SubAppResolver {
        java.util.Optional<Long> resolve(long appId, Long requested);
    }
}
