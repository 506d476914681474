package io.openvod.signature.tc3;

import io.openvod.signature.RequestHeaders;
import java.util.Objects;

/**
 * An incoming API 3.0 request as the verifier needs it.
 *
 * @param method the HTTP method as received (for example {@code POST})
 * @param query the raw query string after {@code ?}, without decoding; {@code ""} when none
 *     (a {@code null} is read as {@code ""})
 * @param headers the request headers, looked up ignoring case
 * @param body the exact body bytes as received; a {@code null} is read as empty. The array is
 *     not copied.
 */
public record Tc3Request(String method, String query, RequestHeaders headers, byte[] body) {
    private static final byte[] EMPTY = new byte[0];

    public Tc3Request {
        Objects.requireNonNull(method, "method == null");
        Objects.requireNonNull(headers, "headers == null");
        query = query == null ? "" : query;
        body = body == null ? EMPTY : body;
    }
}
