package io.openvod.app.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code app.web:} — the upload page the app backend serves at {@code /}.
 *
 * @param platformUrl where the page's uploader finds the OpenVOD platform (its UGC API and, path
 *     style, its COS-compatible object API), e.g. {@code https://vod.example.com}. Defaults to
 *     {@code http://127.0.0.1:8082}, the platform's default address.
 * @param signInHint a line shown above the sign-in form (the dev stack names its demo account
 *     there); empty shows nothing. Defaults to empty.
 */
public record WebConfig(String platformUrl, String signInHint) {
    public static final String DEFAULT_PLATFORM_URL = "http://127.0.0.1:8082";

    public WebConfig {
        platformUrl = platformUrl == null || platformUrl.isBlank() ? DEFAULT_PLATFORM_URL : platformUrl.strip();
        while (platformUrl.endsWith("/")) {
            platformUrl = platformUrl.substring(0, platformUrl.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(platformUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("platformUrl '" + platformUrl + "' is not a URL: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("platformUrl '" + platformUrl + "' is not http(s)://host[:port][/path]");
        }
        signInHint = signInHint == null ? "" : signInHint;
    }

    public static WebConfig defaults() {
        return new WebConfig(null, null);
    }

    /** The scheme, host and port of {@link #platformUrl()}, for the page's Content-Security-Policy. */
    public String platformOrigin() {
        URI uri = URI.create(platformUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
