package io.openvod.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.AccountService;
import io.openvod.app.account.AccountStore;
import io.openvod.app.auth.BearerAuthenticator;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.config.WebConfig;
import io.openvod.app.receipt.EventReceipts;
import io.openvod.app.vod.MediaDistribution;
import io.openvod.app.ratelimit.RateLimiter;
import io.openvod.app.policy.UploadPolicy;
import io.openvod.app.signing.SignatureService;
import io.openvod.app.videos.VideoUrls;
import io.openvod.app.videos.Videos;
import io.openvod.core.metrics.ManagementListener;
import io.openvod.core.metrics.MetricsAccess;
import io.openvod.core.net.ReservedPort;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.health.Readiness;
import io.openvod.core.TimeOrderedIds;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app backend's HTTP API — the one place that knows the web framework. Routes:
 * <ul>
 *   <li>{@code GET|POST /api/v1/upload-signature}, alias {@code /getUploadSignature}: a signature for the caller</li>
 *   <li>{@code POST /api/v1/login}, {@code POST /api/v1/logout}: built-in account sessions</li>
 *   <li>{@code POST /api/v1/vod/events[/<pathToken>]}: VOD event callbacks (the receipt service)</li>
 *   <li>{@code GET /api/v1/videos[/{fileId}]}: the caller's videos ({@link VideosHandler})</li>
 *   <li>{@code GET /api/v1/moderation/queue}, {@code POST /api/v1/moderation/videos/{fileId}/approve|block}:
 *       moderators' decisions ({@link ModerationHandler})</li>
 *   <li>{@code GET /api/v1/health}, {@code /api/v1/health/live} (liveness), {@code /api/v1/health/ready}
 *       (readiness: {@link HealthHandler})</li>
 *   <li>{@code GET /metrics}: Prometheus metrics ({@link MetricsRoutes})</li>
 *   <li>{@code GET /api/v1/web-config}: what the upload page needs to know (the platform's URL)</li>
 *   <li>{@code GET /} and the page's files ({@link WebAssets})</li>
 * </ul>
 * Every request gets an id ({@code X-Request-Id}, a UUIDv7) that its log lines carry as
 * {@code request_id} ({@link RequestLogContext}).
 */
public final class AppHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppHttpServer.class);
    static final String REQUEST_ID = "requestId";
    private static final String ENVELOPED = "openvod.enveloped";

    private final Javalin javalin;

    private AppHttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * What the routes call.
     *
     * @param accountsEnabled whether built-in accounts may sign in
     * @param receipts the event receipt service
     * @param receipt its configuration (path token, webhook secrets, body limit, moderator roles)
     * @param videos the video records the video and moderation routes read and decide on
     * @param accountStore the accounts, whose roles make moderators
     * @param policy resolves a user's role
     * @param readiness the checks of {@code GET /api/v1/health/ready}
     * @param videoUrls puts the videos' URLs on the VOD's current media base in every answer
     */
    public record Services(SignatureService signatures, AccountService accounts, BearerAuthenticator authenticator,
                           RateLimiter perUser, RateLimiter perIp, boolean accountsEnabled, EventReceipts receipts,
                           ReceiptConfig receipt, Clock clock, Videos videos, AccountStore accountStore,
                           UploadPolicy policy, MediaDistribution distribution, Readiness readiness, VideoUrls videoUrls) {
        /** Services that answer the videos' URLs as the events gave them. */
        public Services(SignatureService signatures, AccountService accounts, BearerAuthenticator authenticator,
                        RateLimiter perUser, RateLimiter perIp, boolean accountsEnabled, EventReceipts receipts,
                        ReceiptConfig receipt, Clock clock, Videos videos, AccountStore accountStore,
                        UploadPolicy policy, MediaDistribution distribution, Readiness readiness) {
            this(signatures, accounts, authenticator, perUser, perIp, accountsEnabled, receipts, receipt, clock, videos, accountStore,
                    policy, distribution, readiness, VideoUrls.AS_RECEIVED);
        }
    }

    /** Starts listening on {@code config.host():config.port()} (0 picks a free port), with the page's defaults. */
    public static AppHttpServer start(AppHttpConfig config, Services services) {
        return start(config, WebConfig.defaults(), services);
    }

    /** Starts listening on {@code config.host():config.port()} (0 picks a free port), with metrics of its own. */
    public static AppHttpServer start(AppHttpConfig config, WebConfig web, Services services) {
        return start(config, web, services, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * Starts listening on {@code config.host():config.port()} (0 picks a free port), timing its
     * requests in {@code metrics} and serving it at {@code GET /metrics}.
     */
    public static AppHttpServer start(AppHttpConfig config, WebConfig web, Services services, PrometheusMeterRegistry metrics) {
        return start(config, web, services, metrics, Optional.empty());
    }

    /** As above; with a {@code reserved} port, the server listens on it ({@code config.port()} is then 0 or its number). */
    public static AppHttpServer start(AppHttpConfig config, WebConfig web, Services services, PrometheusMeterRegistry metrics,
                                      Optional<ReservedPort> reserved) {
        MetricsRoutes metricsRoutes = new MetricsRoutes(metrics, MetricsAccess.forHost(config.host(), config.metricsTokenIfAny()));
        Optional<ManagementListener> management = config.management();
        Optional<MetricsRoutes> managementMetrics = management.map(m -> new MetricsRoutes(metrics, m.access(config.metricsTokenIfAny())));
        WebAssets page = new WebAssets(web);
        String webConfig = Envelope.ok(Envelope.data().put("platformUrl", web.platformUrl()).put("signInHint", web.signInHint()));
        Cors cors = new Cors(config.corsOrigins());
        SignatureHandler signature = new SignatureHandler(services.signatures(), services.authenticator(), services.perUser(),
                services.perIp(), config);
        SessionHandler sessions = new SessionHandler(services.accounts(), services.perIp(), config, services.accountsEnabled());
        EventReceiptHandler events = new EventReceiptHandler(services.receipts(), services.receipt(), services.clock());
        VideosHandler videos = new VideosHandler(services.authenticator(), services.videos(), services.videoUrls());
        ModerationHandler moderation = new ModerationHandler(services.authenticator(), services.accountStore(), services.policy(),
                services.receipt().moderatorRoles(), services.videos(), services.distribution(), services.clock(), services.videoUrls());
        Javalin app = Javalin.create(c -> {
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            AppConnectors.install(c.jetty, config.host(), config.port(), reserved, management);
            c.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(new RequestLogContext()), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            c.routes.before(ctx -> {
                metricsRoutes.started(ctx);
                if (management.isPresent() && AppConnectors.onManagementPort(ctx) && !AppConnectors.MANAGEMENT_PATHS.contains(ctx.path())) {
                    throw new AppException(AppError.ENDPOINT_NOT_FOUND, "the management port serves /metrics and /api/v1/health only");
                }
                ctx.header("X-Request-Id", requestIdOrNew(ctx));
                ctx.header("Cache-Control", "no-store");
                cors.apply(ctx);
            });
            c.routes.options("/*", cors::preflight);
            for (String path : new String[] {"/api/v1/upload-signature", "/getUploadSignature"}) {
                c.routes.get(path, signature);
                c.routes.post(path, signature);
            }
            c.routes.post("/api/v1/login", sessions::login);
            c.routes.post("/api/v1/logout", sessions::logout);
            c.routes.post("/api/v1/vod/events", events);
            c.routes.post("/api/v1/vod/events/{token}", events);
            c.routes.get("/api/v1/videos", videos::list);
            c.routes.get("/api/v1/videos/{fileId}", videos::one);
            c.routes.get("/api/v1/moderation/queue", moderation::queue);
            c.routes.post("/api/v1/moderation/videos/{fileId}/approve", moderation::approve);
            c.routes.post("/api/v1/moderation/videos/{fileId}/block", moderation::block);
            c.routes.get("/api/v1/health", HealthHandler::live);
            c.routes.get("/api/v1/health/live", HealthHandler::live);
            c.routes.get("/api/v1/health/ready", ctx -> HealthHandler.ready(ctx, services.readiness()));
            c.routes.get("/metrics", ctx -> {
                if (management.isEmpty()) {
                    metricsRoutes.scrape(ctx);
                } else if (AppConnectors.onManagementPort(ctx)) {
                    managementMetrics.orElseThrow().scrape(ctx);
                } else {
                    throw new AppException(AppError.ENDPOINT_NOT_FOUND, "GET /metrics is served on the management port");
                }
            });
            c.routes.after(metricsRoutes::finished);
            c.routes.get("/api/v1/web-config", ctx -> json(ctx, 200, webConfig));
            for (String path : page.paths()) {
                c.routes.get(path, page::serve);
            }
            c.routes.exception(AppException.class, (e, ctx) -> fail(ctx, e));
            c.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} {} failed", requestId(ctx), ctx.method(), ctx.path(), e);
                fail(ctx, new AppException(AppError.INTERNAL_ERROR, "internal error; request id " + requestId(ctx)));
            });
            c.routes.error(404, notFound());
        });
        app.start(config.host(), reserved.map(ReservedPort::port).orElse(config.port()));
        return new AppHttpServer(app);
    }

    public int port() {
        return javalin.port();
    }

    /** The port of the management listener ({@code app.http.managementPort}), if there is one. */
    public OptionalInt managementPort() {
        return AppConnectors.managementPort(javalin);
    }

    @Override
    public void close() {
        javalin.stop();
    }

    /** The request's id, given by {@link RequestLogContext}; a new one should that not have run. */
    private static String requestIdOrNew(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        if (id == null) {
            id = TimeOrderedIds.next();
            ctx.attribute(REQUEST_ID, id);
        }
        return id;
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id != null ? id : "-";
    }

    static void json(Context ctx, int status, String body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(body);
    }

    static void fail(Context ctx, AppException e) {
        ctx.attribute(ENVELOPED, Boolean.TRUE);
        AppError error = e.error();
        e.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
        if (error.kind().httpStatus() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        json(ctx, error.kind().httpStatus(), Envelope.error(error, e.getMessage(), requestId(ctx)));
    }

    /** Answers a failure that surfaced in a completed future: refusals as such, anything else as internal. */
    static void failAsync(Context ctx, Throwable error) {
        if (error instanceof AppException e) {
            fail(ctx, e);
        } else {
            LOG.error("request {} {} {} failed", requestId(ctx), ctx.method(), ctx.path(), error);
            fail(ctx, new AppException(AppError.INTERNAL_ERROR, "internal error; request id " + requestId(ctx)));
        }
    }

    private static Handler notFound() {
        return ctx -> {
            if (ctx.attribute(ENVELOPED) == null) {
                fail(ctx, new AppException(AppError.ENDPOINT_NOT_FOUND, "no endpoint " + ctx.method() + " " + ctx.path()));
            }
        };
    }
}
