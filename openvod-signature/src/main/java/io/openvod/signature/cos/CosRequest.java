package io.openvod.signature.cos;

import io.openvod.signature.RequestHeaders;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming COS request as the verifier needs it.
 *
 * @param method the HTTP method, any case
 * @param path the URL-decoded path ({@code "/" + key}, or {@code /} for bucket operations)
 * @param queryParameters the URL-decoded query parameters in URL order; a parameter without a
 *     value maps to {@code [""]}. Names are matched ignoring case; of several values the first
 *     is the signed one. A {@code null} is read as no parameters.
 * @param headers the request headers, looked up ignoring case. Give {@code content-length} as
 *     the actual body length.
 */
public record CosRequest(String method, String path, Map<String, List<String>> queryParameters, RequestHeaders headers) {
    public CosRequest {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(headers, "headers == null");
        queryParameters = queryParameters == null ? Map.of() : queryParameters;
    }
}
