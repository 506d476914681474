package io.openvod.core.trace;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code tracing:} — where spans go. Trace ids are carried and stored whatever this says; only
 * the export of spans is optional.
 *
 * @param otlpEndpoint the OTLP/HTTP traces endpoint (e.g. {@code http://collector:4318/v1/traces});
 *                     empty: spans are not exported
 * @param exportTimeout how long one export request may take
 * @param retention how long a service keeps the steps it ran in its own database (for
 *                  {@code openvod trace}), from 1 hour to 366 days; default 7 days
 */
public record TracingConfig(Optional<URI> otlpEndpoint, Duration exportTimeout, Duration retention) {
    /** How long steps are kept unless configured otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public TracingConfig {
        Objects.requireNonNull(otlpEndpoint, "otlpEndpoint");
        Objects.requireNonNull(exportTimeout, "exportTimeout");
        Objects.requireNonNull(retention, "retention");
        otlpEndpoint.ifPresent(u -> {
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new IllegalArgumentException("otlpEndpoint must be an http:// or https:// URL, e.g. http://127.0.0.1:4318/v1/traces");
            }
            if (u.getUserInfo() != null) {
                throw new IllegalArgumentException("otlpEndpoint must not carry user information");
            }
        });
        if (exportTimeout.isNegative() || exportTimeout.isZero() || exportTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("exportTimeout must be between 1ms and 5m");
        }
        if (retention.compareTo(Duration.ofHours(1)) < 0 || retention.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("retention must be between 1h and 366d");
        }
    }

    /** Export settings with the default retention (7 days). */
    public TracingConfig(Optional<URI> otlpEndpoint, Duration exportTimeout) {
        this(otlpEndpoint, exportTimeout, DEFAULT_RETENTION);
    }

    /** No export. */
    public static TracingConfig off() {
        return new TracingConfig(Optional.empty(), Duration.ofSeconds(10));
    }
}
