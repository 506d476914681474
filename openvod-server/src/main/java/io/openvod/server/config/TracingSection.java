package io.openvod.server.config;

import io.openvod.core.trace.TracingConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code tracing:} — where both services send their spans. Trace ids are carried and stored
 * (uploads, tasks, events, the app's audit and receipt rows) whatever this says.
 *
 * @param otlpEndpoint an OTLP/HTTP traces endpoint such as {@code http://127.0.0.1:4318/v1/traces}; empty: no export
 * @param exportTimeout how long one export request may take
 */
public record TracingSection(String otlpEndpoint, Duration exportTimeout) {
    public TracingSection {
        otlpEndpoint = otlpEndpoint == null ? "" : otlpEndpoint.strip();
        exportTimeout = exportTimeout == null ? Duration.ofSeconds(10) : exportTimeout;
        tracing(otlpEndpoint, exportTimeout); // validates
    }

    /** The tracer's configuration. */
    public TracingConfig tracing() {
        return tracing(otlpEndpoint, exportTimeout);
    }

    private static TracingConfig tracing(String endpoint, Duration timeout) {
        Optional<URI> uri;
        try {
            uri = endpoint.isEmpty() ? Optional.empty() : Optional.of(new URI(endpoint));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("otlpEndpoint '" + endpoint + "' is not a URL, e.g. http://127.0.0.1:4318/v1/traces");
        }
        return new TracingConfig(uri, timeout);
    }
}
