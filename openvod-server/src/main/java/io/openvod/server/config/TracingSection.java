package io.openvod.server.config;

import io.openvod.core.trace.TracingConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code tracing:} — where both services send their spans, and how long each keeps the steps it ran
 * in its own database for {@code openvod trace}. Trace ids are carried and stored (uploads, tasks,
 * events, the app's audit and receipt rows) whatever this says.
 *
 * @param otlpEndpoint an OTLP/HTTP traces endpoint such as {@code http://127.0.0.1:4318/v1/traces}; empty: no export
 * @param exportTimeout how long one export request may take
 * @param retention how long the steps are kept in each service's {@code trace_spans} table, 1h to 366d; defaults to 7d
 */
public record TracingSection(String otlpEndpoint, Duration exportTimeout, Duration retention) {
    public TracingSection {
        otlpEndpoint = otlpEndpoint == null ? "" : otlpEndpoint.strip();
        exportTimeout = exportTimeout == null ? Duration.ofSeconds(10) : exportTimeout;
        retention = retention == null ? TracingConfig.DEFAULT_RETENTION : retention;
        tracing(otlpEndpoint, exportTimeout, retention); // validates
    }

    /** The export settings with the default retention (7d). */
    public TracingSection(String otlpEndpoint, Duration exportTimeout) {
        this(otlpEndpoint, exportTimeout, null);
    }

    /** The tracer's configuration. */
    public TracingConfig tracing() {
        return tracing(otlpEndpoint, exportTimeout, retention);
    }

    private static TracingConfig tracing(String endpoint, Duration timeout, Duration retention) {
        Optional<URI> uri;
        try {
            uri = endpoint.isEmpty() ? Optional.empty() : Optional.of(new URI(endpoint));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("otlpEndpoint '" + endpoint + "' is not a URL, e.g. http://127.0.0.1:4318/v1/traces");
        }
        return new TracingConfig(uri, timeout, retention);
    }
}
