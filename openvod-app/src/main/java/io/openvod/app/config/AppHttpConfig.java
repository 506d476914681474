package io.openvod.app.config;

import io.openvod.core.Secret;
import io.openvod.core.metrics.ManagementListener;
import java.util.List;
import java.util.Optional;

/**
 * {@code app.http:} — where the app backend listens and who may call it from a browser.
 *
 * @param host the interface to bind. Defaults to 127.0.0.1.
 * @param port the port; 0 picks a free one. Defaults to 8081.
 * @param corsOrigins origins allowed to call the API from a browser: exact origins such as
 *     {@code https://app.example.com}, or {@code *}. Defaults to none.
 * @param trustForwardedFor take the client address from {@code X-Forwarded-For} (only behind a
 *     trusted reverse proxy). Defaults to false.
 * @param maxBodyBytes the largest request body accepted. Defaults to 16384.
 * @param metricsToken the bearer token {@code GET /metrics} requires; null for none (then
 *     {@code /metrics} is open on a loopback host and off elsewhere). Printed as {@code ****}.
 * @param managementHost the interface of the management port. Defaults to 127.0.0.1.
 * @param managementPort a port of its own for {@code /metrics} and the health probes
 *     ({@link ManagementListener}); null (the default) serves them on {@code port}
 */
public record AppHttpConfig(String host, int port, List<String> corsOrigins, boolean trustForwardedFor, int maxBodyBytes,
                            Secret metricsToken, String managementHost, Integer managementPort) {
    /** Without a metrics token. */
    public AppHttpConfig(String host, int port, List<String> corsOrigins, boolean trustForwardedFor, int maxBodyBytes) {
        this(host, port, corsOrigins, trustForwardedFor, maxBodyBytes, null);
    }

    /** Without a management port. */
    public AppHttpConfig(String host, int port, List<String> corsOrigins, boolean trustForwardedFor, int maxBodyBytes,
                         Secret metricsToken) {
        this(host, port, corsOrigins, trustForwardedFor, maxBodyBytes, metricsToken, null, null);
    }

    /** The same settings on another port (the management port stays). */
    public AppHttpConfig withPort(int newPort, List<String> newCorsOrigins) {
        return new AppHttpConfig(host, newPort, newCorsOrigins, trustForwardedFor, maxBodyBytes, metricsToken, managementHost,
                managementPort);
    }

    public AppHttpConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 1_048_576) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is outside 1024..1048576");
        }
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("corsOrigins entry '" + origin + "' is not * or scheme://host[:port]");
            }
        }
        managementHost = ManagementListener.of(managementHost, managementPort, port).map(ManagementListener::host).orElse("127.0.0.1");
    }

    /** The management port, when one is configured. */
    public Optional<ManagementListener> management() {
        return ManagementListener.of(managementHost, managementPort, port);
    }

    /** The token {@code GET /metrics} requires, if one is configured. */
    public Optional<Secret> metricsTokenIfAny() {
        return Optional.ofNullable(metricsToken);
    }
}
