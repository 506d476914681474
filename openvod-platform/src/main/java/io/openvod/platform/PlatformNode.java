package io.openvod.platform;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.metrics.MetricsAccess;
import io.openvod.core.health.HealthCheck;
import io.openvod.core.health.Readiness;
import io.openvod.core.net.ReservedPort;
import io.openvod.core.trace.Tracing;
import io.openvod.core.trace.TracingConfig;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.MediaInspector;
import io.openvod.platform.catalog.MediaUrls;
import io.openvod.platform.cloudapi.ApplyUploadAction;
import io.openvod.platform.cloudapi.CloudActions;
import io.openvod.platform.cloudapi.CloudApiEndpoint;
import io.openvod.platform.cloudapi.CommitUploadAction;
import io.openvod.platform.cloudapi.ConfirmEventsAction;
import io.openvod.platform.cloudapi.CreateProcedureTemplateAction;
import io.openvod.platform.cloudapi.DeleteMediaAction;
import io.openvod.platform.cloudapi.DeleteProcedureTemplateAction;
import io.openvod.platform.cloudapi.DescribeEventConfigAction;
import io.openvod.platform.cloudapi.DescribeEventsStateAction;
import io.openvod.platform.cloudapi.DescribeMediaInfosAction;
import io.openvod.platform.cloudapi.DescribeProcedureTemplatesAction;
import io.openvod.platform.cloudapi.DescribeTaskDetailAction;
import io.openvod.platform.cloudapi.DescribeTasksAction;
import io.openvod.platform.cloudapi.ForbidMediaDistributionAction;
import io.openvod.platform.cloudapi.ModifyEventConfigAction;
import io.openvod.platform.cloudapi.ProcessMediaAction;
import io.openvod.platform.cloudapi.ProcessMediaByProcedureAction;
import io.openvod.platform.cloudapi.PullEventsAction;
import io.openvod.platform.cloudapi.RedeliverEventsAction;
import io.openvod.platform.cloudapi.ReviewAudioVideoAction;
import io.openvod.platform.cloudapi.SearchMediaAction;
import io.openvod.platform.config.PlatformConfig;
import io.openvod.platform.cos.CosAuthorizer;
import io.openvod.platform.cos.CosService;
import io.openvod.platform.cos.MultipartUploads;
import io.openvod.platform.cos.UploadSweeper;
import io.openvod.platform.events.CallbackUrlPolicy;
import io.openvod.platform.events.EventConfigs;
import io.openvod.platform.events.EventQueue;
import io.openvod.platform.events.RefusedCallbacks;
import io.openvod.platform.events.push.PushDispatcher;
import io.openvod.platform.events.push.WebhookSecrets;
import io.openvod.platform.flow.FlowEngine;
import io.openvod.platform.flow.FlowSettings;
import io.openvod.platform.flow.JointStep;
import io.openvod.platform.flow.Procedures;
import io.openvod.platform.flow.TaskQueue;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.health.StorageCheck;
import io.openvod.platform.http.PlatformHttpServer;
import io.openvod.platform.http.TlsConnector;
import io.openvod.platform.sql.PlatformStores;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.SignatureCheck;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.platform.ugc.UgcService;
import io.openvod.platform.ugc.UploadCommitter;
import io.openvod.platform.ugc.UploadSessions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running platform: the upload services on the platform database, the HTTP server, the
 * sweeper of abandoned uploads, and the task-flow engine. The caller supplies the adapters (database, keys, object store,
 * media inspector) and owns them; closing the node stops the server and the sweeper.
 *
 * <p>The node has one tracer ({@link Tracing}, service {@code openvod-platform}), made from the
 * {@link TracingConfig} it is started with and closed with the node: Apply, the parts, Commit,
 * every task attempt and every push run in its steps (docs/operations.md, "Platform steps").
 */
public final class PlatformNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformNode.class);
    /** The OpenTelemetry {@code service.name} of the platform's spans. */
    public static final String SERVICE_NAME = "openvod-platform";

    private final PlatformHttpServer http;
    private final ScheduledExecutorService sweeper;
    private final UploadSweeper sweep;
    private final String url;
    private final String listenUrl;
    private final MediaUrls mediaUrls;
    private final MediaCatalog catalog;
    private final EventConfigs eventConfigs;
    private final PushDispatcher push;
    private final WebhookSecrets webhookSecrets;
    private final FlowEngine flows;
    private final Readiness readiness;
    private final Tracing tracing;

    /**
     * The adapters a node runs on, and the readiness checks besides the database's and the object store's,
     * which every node has (e.g. FFmpeg and the review engine: {@link io.openvod.platform.health}).
     */
    public record Adapters(PlatformStores stores, ObjectStore store, MediaInspector inspector, Optional<TlsConnector> tls,
                           List<HealthCheck> checks) {
        public Adapters {
            checks = List.copyOf(checks);
        }

        /** No readiness checks besides the database and the object store. */
        public Adapters(PlatformStores stores, ObjectStore store, MediaInspector inspector, Optional<TlsConnector> tls) {
            this(stores, store, inspector, tls, List.of());
        }
    }

    /**
     * The task-flow engine's steps (one per task type: Transcode, CoverBySnapshot, …), its joint
     * steps (tasks of a flow run together, e.g. the {@code RenditionLadder}: every rendition from one
     * decode) and settings. A task of a type without a step fails with {@link FlowEngine#UNSUPPORTED_TYPE}.
     */
    public record TaskFlows(List<TaskStep> steps, List<JointStep> joints, FlowSettings settings) {
        public TaskFlows {
            steps = List.copyOf(steps);
            joints = List.copyOf(joints);
        }

        /** Steps without joint steps: each task runs alone. */
        public TaskFlows(List<TaskStep> steps, FlowSettings settings) {
            this(steps, List.of(), settings);
        }

        /** No steps, default settings. */
        public static TaskFlows none() {
            return new TaskFlows(List.of(), FlowSettings.defaults());
        }
    }

    /** The signature rules of the UGC API. */
    public record SignatureRules(Duration clockSkew, Duration maxValidity, int maxLength) {
    }

    private PlatformNode(PlatformConfig config, SignatureRules rules, Adapters adapters, Clock clock, TaskFlows taskFlows,
                         PrometheusMeterRegistry metrics, TracingConfig tracingConfig) {
        PlatformStores stores = adapters.stores();
        this.tracing = Tracing.create(SERVICE_NAME, tracingConfig, stores.traces());
        this.eventConfigs = stores.eventConfigs();
        this.catalog = stores.catalog();
        this.webhookSecrets = stores.webhookSecrets();
        UploadSessions sessions = stores.sessions();
        MultipartUploads multipart = stores.multipart();
        SignatureCheck check = new SignatureCheck(stores.keys(), stores.replays(), clock, rules.clockSkew(), rules.maxValidity(),
                rules.maxLength());
        CosService cos = new CosService(multipart, adapters.store(), config.upload(), clock, metrics, tracing);
        this.sweep = new UploadSweeper(sessions, multipart, cos, adapters.store(), stores.replays(), config.upload().sessionValidity(), clock);
        // Port 0: a free port is held from now on, since the node's URL must be known before it listens.
        Optional<ReservedPort> reserved = config.http().port() == 0 ? Optional.of(ReservedPort.on(config.http().host())) : Optional.empty();
        int port = reserved.map(ReservedPort::port).orElse(config.http().port());
        String scheme = adapters.tls().isPresent() ? "https" : "http";
        // Media URLs are built from the configured public URL, never from a request's Host header.
        this.listenUrl = scheme + "://" + hostForUrl(config.http().host()) + ":" + port;
        this.url = config.http().publicUrl().isEmpty() ? listenUrl : config.http().publicUrl();
        // Stored URLs name the base of when they were made; answers and deliveries put them on this one.
        this.mediaUrls = new MediaUrls(config.http().mediaBaseUrl().isEmpty() ? url : config.http().mediaBaseUrl());
        StorageLayout layout = new StorageLayout(mediaUrls);
        this.push = new PushDispatcher(stores.deliveries(), config.events().push(), webhookSecrets, clock, metrics, tracing, mediaUrls);
        Procedures templates = stores.procedures();
        TaskQueue queue = stores.queue();
        this.flows = new FlowEngine(queue, catalog, adapters.store(), layout, taskFlows.steps(), taskFlows.joints(), taskFlows.settings(),
                clock, metrics, tracing);
        UgcService ugc = new UgcService(check, sessions, catalog, config.upload(), config.cos().region(), URI.create(url).getHost(), clock,
                tracing);
        UploadCommitter committer = new UploadCommitter(check, ugc, adapters.store(), catalog, adapters.inspector(), layout, clock,
                flows::wake, templates, metrics);
        CosAuthorizer authorizer = new CosAuthorizer(sessions, clock, config.upload().clockSkew());
        EventQueue pullQueue = stores.pullQueue();
        NodeGauges.register(metrics, sessions, pullQueue, clock);
        CallbackUrlPolicy callbackUrls = new CallbackUrlPolicy(config.events().push().allowLoopback(), config.events().push().allowPrivateNetworks());
        RefusedCallbacks.of(eventConfigs, callbackUrls).forEach(LOG::warn);
        // The API 3.0 actions (X-TC-Action), one line each.
        CloudActions actions = new CloudActions(List.of(
                new PullEventsAction(pullQueue),
                new ConfirmEventsAction(pullQueue),
                new DescribeEventsStateAction(pullQueue),
                new ModifyEventConfigAction(eventConfigs, callbackUrls),
                new DescribeEventConfigAction(eventConfigs),
                new DescribeMediaInfosAction(catalog, queue, adapters.store()),
                new DeleteMediaAction(catalog, adapters.store(), tracing),
                new SearchMediaAction(catalog, new DescribeMediaInfosAction(catalog, queue, adapters.store())),
                new ApplyUploadAction(ugc, config.cos().region()),
                new CommitUploadAction(committer),
                new RedeliverEventsAction(push.deliveries(), push::wake),
                new DescribeTaskDetailAction(queue, catalog),
                new DescribeTasksAction(queue),
                new CreateProcedureTemplateAction(templates),
                new DescribeProcedureTemplatesAction(templates),
                new DeleteProcedureTemplateAction(templates),
                new ProcessMediaAction(catalog, queue, flows::wake),
                new ProcessMediaByProcedureAction(templates, catalog, queue, flows::wake),
                new ReviewAudioVideoAction(catalog, queue, flows::wake),
                new ForbidMediaDistributionAction(catalog)));
        this.readiness = Readiness.of(Stream.concat(Stream.of(stores.databaseCheck(), new StorageCheck(adapters.store())),
                adapters.checks().stream()).toList());
        try {
            this.http = PlatformHttpServer.start(config.http().host(), port, new PlatformHttpServer.Services(ugc, committer, cos,
                    authorizer, adapters.store(), catalog, config.review().serveForbidden(), config.cos().domains(), config.cos().corsOrigin(), clock,
                    new CloudApiEndpoint(stores.keys(), actions, clock, mediaUrls), readiness), adapters.tls(), metrics,
                    MetricsAccess.forHost(config.http().host(), config.http().metricsTokenIfAny()),
                    config.http().management().map(m -> new PlatformHttpServer.Management(m, m.access(config.http().metricsTokenIfAny()))),
                    reserved);
        } catch (RuntimeException e) {
            reserved.ifPresent(ReservedPort::close);
            throw e;
        }
        this.sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("openvod-upload-sweeper").daemon().factory());
        long every = config.upload().cleanupInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        push.start();
        flows.start();
    }

    /** Starts a node without task steps, with metrics of its own; the caller keeps ownership of the adapters. */
    public static PlatformNode start(PlatformConfig config, SignatureRules rules, Adapters adapters, Clock clock) {
        return start(config, rules, adapters, clock, TaskFlows.none());
    }

    /** Starts a node whose task flows run {@code taskFlows}' steps, with metrics of its own; the caller keeps ownership of the adapters. */
    public static PlatformNode start(PlatformConfig config, SignatureRules rules, Adapters adapters, Clock clock, TaskFlows taskFlows) {
        return start(config, rules, adapters, clock, taskFlows, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * Starts a node whose task flows run {@code taskFlows}' steps and whose components record their
     * metrics in {@code metrics}, served at {@code GET /metrics} (see {@code docs/operations.md}),
     * with a tracer that exports no spans (tests, tools); the caller keeps ownership of the adapters
     * and of the registry.
     */
    public static PlatformNode start(PlatformConfig config, SignatureRules rules, Adapters adapters, Clock clock, TaskFlows taskFlows,
                                     PrometheusMeterRegistry metrics) {
        return start(config, rules, adapters, clock, taskFlows, metrics, TracingConfig.off());
    }

    /**
     * {@link #start(PlatformConfig, SignatureRules, Adapters, Clock, TaskFlows, PrometheusMeterRegistry)}
     * with the node's tracer made from {@code tracing} (the configuration's {@code tracing:}), which
     * exports its spans where that says and is closed with the node.
     */
    public static PlatformNode start(PlatformConfig config, SignatureRules rules, Adapters adapters, Clock clock, TaskFlows taskFlows,
                                     PrometheusMeterRegistry metrics, TracingConfig tracing) {
        return new PlatformNode(config, rules, adapters, clock, taskFlows, metrics, tracing);
    }

    private void sweepQuietly() {
        try {
            sweep.sweep();
        } catch (RuntimeException e) {
            LOG.warn("sweeping abandoned uploads failed: {}", e.toString());
        }
    }

    /** Runs one sweep now (tests, operators). */
    public int sweepNow() {
        return sweep.sweep();
    }

    /** The base URL of the UGC API and path-style COS, e.g. {@code http://127.0.0.1:8082}. */
    public String url() {
        return url;
    }

    /** The port of the management listener ({@code platform.http.managementPort}), if there is one. */
    public java.util.OptionalInt managementPort() {
        return http.managementPort();
    }

    public int port() {
        return http.port();
    }

    /**
     * The base of media and cover URLs now, e.g. {@code http://127.0.0.1:8082}: {@code platform.http.mediaBaseUrl},
     * else {@link #url()}. URLs stored under an earlier base are answered and delivered on this one.
     */
    public String mediaBaseUrl() {
        return mediaUrls.base();
    }

    /**
     * Where this node itself listens, e.g. {@code http://127.0.0.1:8082}: {@link #url()} unless
     * {@code platform.http.publicUrl} names a proxy or load balancer in front of the nodes.
     */
    public String listenUrl() {
        return listenUrl;
    }

    public MediaCatalog catalog() {
        return catalog;
    }

    /** Each application's event settings. */
    public EventConfigs eventConfigs() {
        return eventConfigs;
    }

    /** The sender of PUSH events, with the dead-letter operations. */
    public PushDispatcher push() {
        return push;
    }

    /** Each application's webhook signing secrets. */
    public WebhookSecrets webhookSecrets() {
        return webhookSecrets;
    }

    /** The task-flow engine (flows, re-running failed tasks). */
    public FlowEngine flows() {
        return flows;
    }

    /** The node's readiness checks: the database, the object store and the adapters' {@link Adapters#checks()}. */
    public Readiness readiness() {
        return readiness;
    }

    @Override
    public void close() {
        flows.close();
        push.close();
        sweeper.shutdownNow();
        http.close();
        tracing.close();
    }

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }

}
