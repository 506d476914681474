package io.openvod.platform.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.TimeOrderedIds;
import io.openvod.core.metrics.ManagementListener;
import io.openvod.core.metrics.MetricsAccess;
import io.openvod.core.net.ReservedPort;
import io.openvod.core.health.Readiness;
import io.openvod.core.trace.LogContext;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.cloudapi.CloudApiEndpoint;
import io.openvod.platform.cos.CosAuthorizer;
import io.openvod.platform.cos.CosService;
import io.openvod.platform.cos.protocol.CosAddress;
import io.openvod.platform.cos.protocol.CosAddressResolver;
import io.openvod.platform.cos.protocol.CosCors;
import io.openvod.platform.cos.protocol.CosErrorCode;
import io.openvod.platform.cos.protocol.CosProtocolException;
import io.openvod.platform.cos.protocol.CosXml;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.ugc.UgcService;
import io.openvod.platform.ugc.UploadCommitter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's HTTP edge — the one place that knows the web framework. One listener serves:
 * <ul>
 *   <li>the COS-compatible object API for any request whose {@code Host} is
 *       {@code <bucket>-<appid>.cos.<region>.<domain>} (virtual-host style), or whose first path
 *       segment is a bucket name {@code <name>-<appid>} (path style);</li>
 *   <li>the UGC upload API at {@code POST /v3/index.php?Action=…};</li>
 *   <li>the TencentCloud API 3.0 endpoint at {@code POST /} with an {@code X-TC-Action} header
 *       (not on a COS virtual host);</li>
 *   <li>{@code GET /health} and {@code /health/live} (liveness), {@code GET /health/ready} (readiness, {@link HealthHandler});</li>
 *   <li>{@code GET /metrics}: Prometheus metrics ({@link MetricsRoutes}).</li>
 * </ul>
 * Every request gets an id ({@code X-Request-Id}) that its log lines carry ({@code request_id}).
 */
public final class PlatformHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformHttpServer.class);
    private static final String REQUEST_ID = "openvod.requestId";
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.PUT,
            HandlerType.POST, HandlerType.DELETE, HandlerType.OPTIONS);

    private final Javalin javalin;

    private PlatformHttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /** What the server routes to. */
    public record Services(UgcService ugc, UploadCommitter committer, CosService cos, CosAuthorizer authorizer,
                           ObjectStore store, MediaCatalog catalog, boolean serveForbidden, List<String> cosDomains,
                           String cosCorsOrigin, Clock clock, CloudApiEndpoint cloudApi, Readiness readiness) {
    }

    /** Starts listening on {@code host:port} (0 picks a free port), with metrics of its own, open on loopback only. */
    public static PlatformHttpServer start(String host, int port, Services services, Optional<TlsConnector> tls) {
        return start(host, port, services, tls, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), MetricsAccess.forHost(host, Optional.empty()));
    }

    /**
     * Starts listening on {@code host:port} (0 picks a free port), timing its requests in
     * {@code metrics} and serving it at {@code GET /metrics} to whom {@code access} lets in.
     */
    public static PlatformHttpServer start(String host, int port, Services services, Optional<TlsConnector> tls,
                                           PrometheusMeterRegistry metrics, MetricsAccess access) {
        return start(host, port, services, tls, metrics, access, Optional.empty(), Optional.empty());
    }

    /**
     * As above; with a {@code management} listener, {@code GET /metrics} is served there only (to
     * whom its own {@link MetricsAccess} lets in), the health probes there as well, and nothing else.
     * With a {@code reserved} port ({@code port} is its number), the server listens on it.
     */
    public static PlatformHttpServer start(String host, int port, Services services, Optional<TlsConnector> tls,
                                           PrometheusMeterRegistry metrics, MetricsAccess access,
                                           Optional<Management> management, Optional<ReservedPort> reserved) {
        MetricsRoutes metricsRoutes = new MetricsRoutes(metrics, access);
        Optional<MetricsRoutes> managementMetrics = management.map(m -> new MetricsRoutes(metrics, m.access()));
        UgcHandler ugc = new UgcHandler(services.ugc(), services.committer());
        CloudApiHandler api = new CloudApiHandler(services.cloudApi());
        CosHandler cos = new CosHandler(services.cos(), services.authorizer(), new ObjectReader(services.store(), services.catalog(), services.serveForbidden()),
                services.cosCorsOrigin().equals("*") ? CosCors.anyOrigin(CosCors.DEFAULT_MAX_AGE)
                        : CosCors.allowOrigins(List.of(services.cosCorsOrigin()), CosCors.DEFAULT_MAX_AGE), services.cosDomains().getFirst());
        CosAddressResolver resolver = new CosAddressResolver(services.cosDomains());
        Javalin app = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.http.compressionStrategy = CompressionStrategy.NONE;
            c.http.generateEtags = false;
            tls.ifPresentOrElse(t -> t.install(c.jetty, host, port, reserved),
                    () -> HttpConnections.installPlain(c.jetty, host, port, reserved));
            management.ifPresent(m -> ManagementConnector.install(c.jetty, m.listener()));
            c.routes.before(metricsRoutes::started);
            c.routes.after(metricsRoutes::finished);
            for (HandlerType method : METHODS) {
                for (String path : new String[] {"/", "/*"}) {
                    c.routes.addHttpHandler(method, path, ctx -> {
                        if (management.isPresent() && ManagementConnector.received(ctx)) {
                            manage(ctx, managementMetrics.orElseThrow(), services.readiness());
                        } else {
                            dispatch(ctx, resolver, ugc, api, cos, management.isPresent() ? Optional.empty() : Optional.of(metricsRoutes),
                                    services.clock(), services.readiness());
                        }
                    });
                }
            }
        });
        app.start(host, port);
        return new PlatformHttpServer(app);
    }

    /** Where the management port listens and who may read {@code /metrics} there. */
    public record Management(ManagementListener listener, MetricsAccess access) {
    }

    /** A request on the management port: the health probes and {@code /metrics}, nothing else. */
    private static void manage(Context ctx, MetricsRoutes metrics, Readiness readiness) {
        String rawPath = ctx.req().getRequestURI();
        if (HealthHandler.handles(rawPath)) {
            MetricsRoutes.route(ctx, "health");
            HealthHandler.handle(ctx, rawPath, readiness);
        } else if (rawPath.equals("/metrics")) {
            MetricsRoutes.route(ctx, "metrics");
            metrics.scrape(ctx);
        } else {
            ctx.status(404).contentType("application/json").result("{\"error\":\"not found: the management port serves /metrics and "
                    + "/health only\"}");
        }
    }

    /**
     * Answers one request; its log lines carry its id ({@code request_id}, also answered as
     * {@code X-Request-Id}) until it is answered, on the thread that answers it.
     */
    private static void dispatch(Context ctx, CosAddressResolver resolver, UgcHandler ugc, CloudApiHandler api, CosHandler cos,
                                 Optional<MetricsRoutes> metrics, Clock clock, Readiness readiness) {
        String requestId = TimeOrderedIds.next();
        ctx.attribute(REQUEST_ID, requestId);
        ctx.header("X-Request-Id", requestId);
        LogContext logs = LogContext.ofRequest(requestId);
        try {
            route(ctx, requestId, resolver, ugc, api, cos, metrics, clock, readiness);
        } finally {
            logs.close();
        }
    }

    private static void route(Context ctx, String requestId, CosAddressResolver resolver, UgcHandler ugc, CloudApiHandler api,
                              CosHandler cos, Optional<MetricsRoutes> metrics, Clock clock, Readiness readiness) {
        String rawPath = ctx.req().getRequestURI();
        Optional<CosAddress> address;
        try {
            address = resolver.resolve(ctx.header("Host"), rawPath);
        } catch (CosProtocolException e) {
            MetricsRoutes.route(ctx, "cos");
            cosError(ctx, e, rawPath, clock);
            return;
        }
        boolean virtualHost = address.filter(a -> a.style() == CosAddress.Style.VIRTUAL_HOST).isPresent();
        if (!virtualHost && rawPath.equals("/") && ctx.method() == HandlerType.POST && ctx.header("X-TC-Action") != null) {
            MetricsRoutes.route(ctx, "cloud_api");
            api.handle(ctx);
        } else if (!virtualHost && rawPath.equals("/v3/index.php")) {
            MetricsRoutes.route(ctx, "ugc");
            if (ctx.method() == HandlerType.OPTIONS) {
                ugc.preflight(ctx);
            } else if (ctx.method() == HandlerType.POST) {
                ugc.handle(ctx);
            } else {
                ctx.status(405);
            }
        } else if (!virtualHost && HealthHandler.handles(rawPath)) {
            MetricsRoutes.route(ctx, "health");
            HealthHandler.handle(ctx, rawPath, readiness);
        } else if (!virtualHost && rawPath.equals("/metrics")) {
            MetricsRoutes.route(ctx, "metrics");
            metrics.ifPresentOrElse(m -> m.scrape(ctx), () -> ctx.status(404).contentType("application/json")
                    .result("{\"error\":\"not found: /metrics is served on the management port\"}"));
        } else if (address.isPresent()) {
            MetricsRoutes.route(ctx, "cos");
            ctx.header("x-cos-request-id", requestId);
            try {
                cos.handle(ctx, address.get());
            } catch (CosProtocolException e) {
                cosError(ctx, e, rawPath, clock);
            } catch (StorageException e) {
                cosError(ctx, storageFailure(e), rawPath, clock);
            } catch (Exception e) {
                LOG.error("COS {} {} failed; request id {}", ctx.method(), rawPath, requestId, e);
                cosError(ctx, new CosProtocolException(CosErrorCode.INTERNAL_ERROR), rawPath, clock);
            }
        } else {
            ctx.status(404).contentType("application/json").result("{\"error\":\"not found\"}");
        }
    }

    private static CosProtocolException storageFailure(StorageException e) {
        if (e.error() == StorageError.OBJECT_NOT_FOUND) {
            return new CosProtocolException(CosErrorCode.NO_SUCH_KEY);
        }
        if (e.error() == StorageError.INVALID_OBJECT_KEY) {
            return new CosProtocolException(CosErrorCode.INVALID_ARGUMENT, "The object key has characters this server does not store.");
        }
        if (e.error() == StorageError.BODY_INCOMPLETE) {
            return new CosProtocolException(CosErrorCode.INCOMPLETE_BODY);
        }
        LOG.warn("object storage failed: {}", e.toString());
        return new CosProtocolException(CosErrorCode.SERVICE_UNAVAILABLE, "Storage is unavailable; retry.");
    }

    private static void cosError(Context ctx, CosProtocolException e, String resource, Clock clock) {
        boolean clockError = e.code() == CosErrorCode.REQUEST_TIME_TOO_SKEWED
                || CosErrorCode.REQUEST_EXPIRED_MESSAGE.equals(e.getMessage());
        UnreadBody.discard(ctx);
        byte[] body = CosXml.error(e.code(), e.getMessage(), resource, requestId(ctx), null, clockError ? clock.instant() : null);
        ctx.header("x-cos-request-id", requestId(ctx)); // also when the address itself was refused
        ctx.header("Content-Length", Integer.toString(body.length));
        CosHandler.xml(ctx, e.code().httpStatus(), body);
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id;
    }

    public int port() {
        return javalin.port();
    }

    /** The port of the management listener, if the server has one. */
    public java.util.OptionalInt managementPort() {
        return ManagementConnector.port(javalin);
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
