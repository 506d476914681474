package io.openvod.app.auth.jwt;

import java.net.URI;

/** Rendering of untrusted values and URLs for messages and logs. */
final class Texts {
    private static final int MAX_SHOWN = 64;

    private Texts() {
    }

    /**
     * A value from a token or a key set, quoted for a message: control characters become
     * {@code ?} (no log injection) and long values are cut.
     */
    static String quote(String untrusted) {
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX_SHOWN) + 3).append('\'');
        int shown = Math.min(untrusted.length(), MAX_SHOWN);
        for (int i = 0; i < shown; i++) {
            char c = untrusted.charAt(i);
            out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        if (untrusted.length() > MAX_SHOWN) {
            out.append('…');
        }
        return out.append('\'').toString();
    }

    /** A URL without user info, query or fragment, which could carry credentials. */
    static String redactUrl(URI url) {
        StringBuilder out = new StringBuilder();
        if (url.getScheme() != null) {
            out.append(url.getScheme()).append("://");
        }
        if (url.getHost() != null) {
            out.append(url.getHost());
        }
        if (url.getPort() >= 0) {
            out.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            out.append(url.getRawPath());
        }
        if (url.getRawQuery() != null) {
            out.append("?…");
        }
        return out.toString();
    }
}
