package io.openvod.core.metrics;

import io.openvod.core.Secret;
import java.util.Optional;

/**
 * A separate port for a service's {@code GET /metrics} and health probes, away from the port its
 * users reach (the {@code managementHost} / {@code managementPort} keys of a service's
 * {@code http:} section). With one, {@code /metrics} is served there only, the health probes
 * there as well as on the main port, and nothing else there.
 *
 * @param host the interface to bind; Prometheus may read {@code /metrics} without a token when it
 *     is a loopback address
 * @param port the port; 0 picks a free one
 */
public record ManagementListener(String host, int port) {
    public ManagementListener {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("managementPort " + port + " is outside 0..65535");
        }
    }

    /** The listener the keys ask for: none without a port; checked against the service's own port. */
    public static Optional<ManagementListener> of(String host, Integer port, int servicePort) {
        if (port == null) {
            return Optional.empty();
        }
        if (port != 0 && port == servicePort) {
            throw new IllegalArgumentException("managementPort " + port + " is the service's own port; pick another, or 0 for a free one");
        }
        return Optional.of(new ManagementListener(host, port));
    }

    /** Who may read {@code /metrics} here: the rule of {@link MetricsAccess} for this host. */
    public MetricsAccess access(Optional<Secret> token) {
        return MetricsAccess.forHost(host, token);
    }
}
