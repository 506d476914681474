package io.openvod.server.app;

import io.openvod.app.config.AppConfig;
import io.openvod.app.http.AppHttpServer;
import io.openvod.app.receipt.pull.PullConsumer;
import io.openvod.app.ratelimit.RateLimiter;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.videos.VideoUrls;
import io.openvod.core.net.ReservedPort;
import io.openvod.core.trace.TracingConfig;
import io.openvod.server.config.PortInUseException;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running app backend: its services and its HTTP server. */
public final class AppBackend implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppBackend.class);

    private final AppServices services;
    private final AppHttpServer http;

    private AppBackend(AppServices services, AppHttpServer http) {
        this.services = services;
        this.http = http;
    }

    /** Starts the app backend, its spans exported as {@code tracing} says ({@link PortInUseException} when its port is taken). */
    public static AppBackend start(AppConfig config, TracingConfig tracing, Clock clock) {
        PortInUseException.requireFree("app backend", config.http().host(), config.http().port(), "app.http.port");
        return serve(config, clock, AppServices.open(config, tracing, clock), Optional.empty());
    }

    /**
     * {@link #start(AppConfig, TracingConfig, Clock)} on {@code database}, opened before with
     * {@link AppServices#openDatabase(AppConfig)}; closed with the backend, or when it fails to start.
     */
    public static AppBackend start(AppConfig config, TracingConfig tracing, Clock clock, AppDatabase database) {
        return start(config, tracing, clock, database, Optional.empty());
    }

    /**
     * As above; with a {@code reserved} port (whose number {@code config}'s port is), the backend
     * listens on it. The reservation is released when the backend fails to start.
     */
    public static AppBackend start(AppConfig config, TracingConfig tracing, Clock clock, AppDatabase database,
                                   Optional<ReservedPort> reserved) {
        try {
            if (reserved.isEmpty()) {
                PortInUseException.requireFree("app backend", config.http().host(), config.http().port(), "app.http.port");
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return serve(config, clock, AppServices.open(config, tracing, clock, database), reserved);
    }

    /** Starts the receipt service, the HTTP server and the pull consumer on {@code services} (closed when that fails). */
    private static AppBackend serve(AppConfig config, Clock clock, AppServices services, Optional<ReservedPort> reserved) {
        try {
            services.receipts().start();
            services.forwarder().ifPresent(io.openvod.app.receipt.HookForwarder::start);
            AppHttpServer http = AppHttpServer.start(config.http(), config.web(), new AppHttpServer.Services(services.signatures(),
                    services.accounts(), services.authenticator(),
                    new RateLimiter(config.rateLimit().perUserPerMinute(), clock),
                    new RateLimiter(config.rateLimit().perIpPerMinute(), clock),
                    config.auth().accounts(), services.receipts(), config.receipt(), clock, services.videos(),
                    services.store(), services.policy(), services.distribution(), services.readiness(),
                    new VideoUrls(config.vod().mediaBaseUrl())), services.metrics(), reserved);
            AppBackend backend = new AppBackend(services, http);
            services.pullConsumer().ifPresent(PullConsumer::start);
            LOG.info("app backend listening on {} (signing key {})", backend.url(), services.activeSecretId().orElse("none"));
            http.managementPort().ifPresent(port -> LOG.info("app backend: /metrics and /api/v1/health on http://{}:{}/ (app.http.managementPort)",
                    config.http().management().orElseThrow().host(), port));
            ModeratorRoles.unknownTo(config).forEach(LOG::info);
            return backend;
        } catch (RuntimeException e) {
            reserved.ifPresent(ReservedPort::close);
            services.close();
            throw PortInUseException.causing(e, "app backend", config.http().host(), config.http().port(), "app.http.port")
                    .map(RuntimeException.class::cast).orElse(e);
        }
    }

    /** {@link #start(AppConfig, TracingConfig, Clock)} with spans exported nowhere (tests). */
    public static AppBackend start(AppConfig config, Clock clock) {
        return start(config, TracingConfig.off(), clock);
    }

    /** The base URL, ending in {@code /}. */
    public URI url() {
        String host = services.config().http().host();
        String shown = host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return URI.create("http://" + shown + ":" + http.port() + "/");
    }

    public int port() {
        return http.port();
    }

    /** The port of the management listener ({@code app.http.managementPort}), if there is one. */
    public java.util.OptionalInt managementPort() {
        return http.managementPort();
    }

    public AppServices services() {
        return services;
    }

    public Optional<String> activeSecretId() {
        return services.activeSecretId();
    }

    @Override
    public void close() {
        http.close();
        services.close();
    }
}
