package io.openvod.platform.cloudapi;

import io.openvod.core.trace.TraceParent;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling an API 3.0 action: the account of the key that signed the request.
 *
 * @param appId the account (AppId) of the signing key
 * @param secretId the signing key
 * @param requestId the request's id, answered as {@code Response.RequestId}
 * @param subAppIds resolves a request's {@code SubAppId} to an application of this account
 * @param traceparent the request's {@code traceparent} header, when it is a valid W3C one: the trace
 *     an upload opened ({@code ApplyUpload}) or a flow started ({@code ProcessMedia}, …) belongs to
 */
public record CloudCall(long appId, String secretId, String requestId, SubAppResolver subAppIds, Optional<TraceParent> traceparent) {
    public CloudCall {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(requestId, "requestId == null");
        Objects.requireNonNull(subAppIds, "subAppIds == null");
        Objects.requireNonNull(traceparent, "traceparent == null");
    }

    /** A call without a {@code traceparent}. */
    public CloudCall(long appId, String secretId, String requestId, SubAppResolver subAppIds) {
        this(appId, secretId, requestId, subAppIds, Optional.empty());
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
