package io.openvod.platform.cos.protocol;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CORS for the COS object API, as header maps the HTTP layer sets on the response.
 *
 * <p>Browser uploads need three things: a preflight that allows the methods and echoes the
 * requested headers (a wildcard never covers {@code Authorization}), {@code
 * Access-Control-Allow-Origin} on every response, and {@code Access-Control-Expose-Headers} with at
 * least {@code ETag} (cos-js fails with "get ETag error" without it) and {@code Date} (for its
 * clock-skew correction). No credentials are involved, so {@code *} is a valid origin answer.
 *
 * <p>Three policies: {@link #anyOrigin} answers {@code *}; {@link #echoOrigin} echoes any
 * well-formed {@code Origin}; {@link #allowOrigins} echoes only the listed origins. Echoing adds
 * {@code Vary: Origin}. A refused or malformed origin gets an empty map: no CORS headers at all.
 */
public final class CosCors {
    public static final String ALLOW_METHODS = "GET, PUT, POST, DELETE, HEAD";
    public static final String EXPOSE_HEADERS =
            "ETag, Content-Length, Date, x-cos-request-id, x-cos-version-id, Content-Range, Accept-Ranges";
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");
    /** A serialised origin: {@code scheme://host[:port]}, nothing that could split a header. */
    private static final Pattern ORIGIN = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~\\-\\[\\]:%]+");
    /** The {@code token} production of RFC 9110, for header names. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_ALLOW_HEADERS_LENGTH = 4096;

    private final Set<String> allowedOrigins; // null: any origin
    private final boolean echo;
    private final Duration maxAge;

    private CosCors(Set<String> allowedOrigins, boolean echo, Duration maxAge) {
        this.allowedOrigins = allowedOrigins;
        this.echo = echo;
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge == null");
    }

    /** Answers {@code Access-Control-Allow-Origin: *} to every origin. */
    public static CosCors anyOrigin(Duration maxAge) {
        return new CosCors(null, false, maxAge);
    }

    /** Echoes every well-formed {@code Origin}. */
    public static CosCors echoOrigin(Duration maxAge) {
        return new CosCors(null, true, maxAge);
    }

    /** Echoes only the listed origins (exact, e.g. {@code https://upload.example.com}). */
    public static CosCors allowOrigins(Collection<String> origins, Duration maxAge) {
        return new CosCors(Set.copyOf(origins), true, maxAge);
    }

    /**
     * The answer to a preflight ({@code OPTIONS} with {@code Origin} and {@code
     * Access-Control-Request-Method}). Empty when it is not a preflight, the origin is refused, or
     * the method is not one of {@value #ALLOW_METHODS}; the HTTP layer then answers without CORS
     * headers and the browser blocks the request.
     *
     * @param requestHeaders the {@code Access-Control-Request-Headers} value, or null; echoed after
     *     dropping anything that is not a header name
     */
    public Map<String, String> preflight(String origin, String requestMethod, String requestHeaders) {
        if (origin == null || origin.isBlank() || requestMethod == null || !METHODS.contains(requestMethod.strip())) {
            return Map.of();
        }
        Map<String, String> headers = originHeaders(origin);
        if (headers.isEmpty()) {
            return Map.of();
        }
        headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
        String allowHeaders = sanitiseHeaderList(requestHeaders);
        if (!allowHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", allowHeaders);
        }
        if (maxAge.getSeconds() > 0) {
            headers.put("Access-Control-Max-Age", Long.toString(maxAge.getSeconds()));
        }
        if (echo) {
            headers.put("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        }
        return Collections.unmodifiableMap(headers);
    }

    /**
     * The headers for an actual (non-preflight) response, success or error: {@code
     * Access-Control-Allow-Origin} and {@code Access-Control-Expose-Headers}. Empty when the origin
     * is refused, or absent under an echoing policy.
     */
    public Map<String, String> actual(String origin) {
        Map<String, String> headers = originHeaders(origin);
        if (headers.isEmpty()) {
            return Map.of();
        }
        headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        if (echo) {
            headers.put("Vary", "Origin");
        }
        return Collections.unmodifiableMap(headers);
    }

    private Map<String, String> originHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!echo) {
            headers.put("Access-Control-Allow-Origin", "*");
            return headers;
        }
        String o = origin == null ? "" : origin.strip();
        boolean allowed = ORIGIN.matcher(o).matches() && (allowedOrigins == null || allowedOrigins.contains(o));
        if (allowed) {
            headers.put("Access-Control-Allow-Origin", o);
        }
        return headers;
    }

    /** Keeps the comma-separated header names that are RFC 9110 tokens, joined by {@code ", "}. */
    static String sanitiseHeaderList(String requested) {
        if (requested == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String name : requested.split(",")) {
            String n = name.strip();
            if (TOKEN.matcher(n).matches() && out.length() + n.length() + 2 <= MAX_ALLOW_HEADERS_LENGTH) {
                out.append(out.isEmpty() ? "" : ", ").append(n);
            }
        }
        return out.toString();
    }
}
