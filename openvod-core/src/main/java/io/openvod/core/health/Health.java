package io.openvod.core.health;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The answer of one {@link HealthCheck}: {@link State#UP}, {@link State#IDLE} (fine, but not started
 * yet: a sidecar that starts on first use) or {@link State#DOWN} with an error text free of secrets.
 */
public record Health(State state, Optional<String> error) {
    private static final int MAX_ERROR_LENGTH = 300;
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/\\s@]*@");
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)(password|passwd|secret|token|signature|key|credential)([\"']?\\s*[=:]\\s*)[^&;,\\s\"']+");

    /** How a dependency is. */
    public enum State {
        UP, IDLE, DOWN;

        /** The word in the report: {@code up}, {@code idle}, {@code down}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Health {
        Objects.requireNonNull(state, "state == null");
        Objects.requireNonNull(error, "error == null");
    }

    public static Health up() {
        return new Health(State.UP, Optional.empty());
    }

    public static Health idle() {
        return new Health(State.IDLE, Optional.empty());
    }

    /** Down because of {@code error}, which is cleaned of credentials and shortened. */
    public static Health down(String error) {
        return new Health(State.DOWN, Optional.of(redact(error == null ? "failed" : error)));
    }

    /** Whether a node may serve with this dependency: up or idle. */
    public boolean ok() {
        return state != State.DOWN;
    }

    /** {@code text} without user information in URLs nor values of secret-looking parameters, at most 300 characters. */
    static String redact(String text) {
        String clean = URL_USER_INFO.matcher(text).replaceAll("$1***@");
        clean = SECRET_VALUE.matcher(clean).replaceAll("$1$2***");
        clean = clean.replaceAll("\\s+", " ").strip();
        return clean.length() <= MAX_ERROR_LENGTH ? clean : clean.substring(0, MAX_ERROR_LENGTH) + "…";
    }
}
