package io.openvod.core.metrics;

import io.openvod.core.Secret;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Who may read a service's {@code GET /metrics}. With a token configured, only a request with
 * {@code Authorization: Bearer <token>}; without one, anyone when the service listens on a loopback
 * address, and nobody otherwise (the endpoint is off and answers 404).
 */
public final class MetricsAccess {
    private static final String BEARER = "Bearer ";

    /** What a request to {@code /metrics} gets. */
    public enum Decision {
        /** The metrics. */
        ALLOW,
        /** 401: a token is configured and the request lacks it or sends another one. */
        UNAUTHORIZED,
        /** 404: no token is configured and the service listens beyond loopback. */
        OFF
    }

    private final Optional<Secret> token;
    private final boolean loopback;

    private MetricsAccess(Optional<Secret> token, boolean loopback) {
        this.token = token;
        this.loopback = loopback;
    }

    /** The rule for a service bound to {@code host} with the optional {@code token}. */
    public static MetricsAccess forHost(String host, Optional<Secret> token) {
        return new MetricsAccess(token, isLoopback(host));
    }

    /** The decision for a request whose {@code Authorization} header is {@code authorization} (null when absent). */
    public Decision decide(String authorization) {
        if (token.isEmpty()) {
            return loopback ? Decision.ALLOW : Decision.OFF;
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return Decision.UNAUTHORIZED;
        }
        String sent = authorization.substring(BEARER.length()).trim();
        return !sent.isEmpty() && token.get().equals(Secret.of(sent)) ? Decision.ALLOW : Decision.UNAUTHORIZED;
    }

    /** Whether {@code host} (a literal address or a name, as configured to bind) is a loopback address. */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // A literal address is parsed without a lookup; a name that needs one is not loopback.
            return host.matches("[0-9.]+|\\[?[0-9A-Fa-f:.]+]?")
                    && InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
