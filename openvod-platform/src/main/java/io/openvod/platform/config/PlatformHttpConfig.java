package io.openvod.platform.config;

import io.openvod.core.Secret;
import io.openvod.core.metrics.ManagementListener;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code platform.http:} — where the platform listens.
 *
 * @param host the interface to bind. Defaults to 127.0.0.1.
 * @param port the port; 0 picks a free one. Defaults to 8082.
 * @param publicUrl the base URL clients reach the platform at (scheme, host, port; a path
 *     prefix is not supported). Media URLs are built from it, never from a request's Host header.
 *     Empty means {@code http://<host>:<port>} (or https with TLS), fine for loopback only.
 * @param mediaBaseUrl the base of media and cover URLs (e.g. a CDN in front of the platform);
 *     empty means {@code publicUrl}
 * @param tls HTTPS settings; without a certificate the platform speaks plain HTTP
 * @param metricsToken the bearer token {@code GET /metrics} requires; null for none (then
 *     {@code /metrics} is open on a loopback host and off elsewhere). Printed as {@code ****}.
 * @param managementHost the interface of the management port. Defaults to 127.0.0.1.
 * @param managementPort a port of its own for {@code /metrics} and the health probes
 *     ({@link ManagementListener}); null (the default) serves them on {@code port}
 */
public record PlatformHttpConfig(String host, int port, String publicUrl, String mediaBaseUrl, TlsConfig tls, Secret metricsToken,
                                 String managementHost, Integer managementPort) {
    /** Without a metrics token. */
    public PlatformHttpConfig(String host, int port, String publicUrl, String mediaBaseUrl, TlsConfig tls) {
        this(host, port, publicUrl, mediaBaseUrl, tls, null);
    }

    /** Without a management port. */
    public PlatformHttpConfig(String host, int port, String publicUrl, String mediaBaseUrl, TlsConfig tls, Secret metricsToken) {
        this(host, port, publicUrl, mediaBaseUrl, tls, metricsToken, null, null);
    }

    public PlatformHttpConfig {
        host = host == null || host.isBlank() ? "127.0.0.1" : host;
        publicUrl = normalize("publicUrl", publicUrl);
        mediaBaseUrl = normalize("mediaBaseUrl", mediaBaseUrl);
        tls = tls == null ? new TlsConfig(null, null, false) : tls;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
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

    /**
     * HTTPS: a PEM certificate chain and its PEM private key, or a self-signed certificate made at
     * start (dev only).
     */
    public record TlsConfig(String certificate, String privateKey, boolean selfSigned) {
        public TlsConfig {
            if ((certificate == null) != (privateKey == null)) {
                throw new IllegalArgumentException("tls.certificate and tls.privateKey go together");
            }
            if (certificate != null && selfSigned) {
                throw new IllegalArgumentException("tls.selfSigned and tls.certificate exclude each other");
            }
        }

        public boolean enabled() {
            return certificate != null || selfSigned;
        }

        public Optional<Path> certificateFile() {
            return Optional.ofNullable(certificate).map(Path::of);
        }

        public Optional<Path> privateKeyFile() {
            return Optional.ofNullable(privateKey).map(Path::of);
        }
    }

    private static String normalize(String name, String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " '" + url + "' is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            throw new IllegalArgumentException(name + " '" + url + "' must be http(s)://host[:port] without a path");
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
