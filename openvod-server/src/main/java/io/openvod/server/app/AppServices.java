package io.openvod.server.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.app.account.Account;
import io.openvod.app.account.AccountService;
import io.openvod.app.account.AccountStore;
import io.openvod.app.account.Argon2idPasswordHasher;
import io.openvod.app.account.CachingAccountStore;
import io.openvod.app.auth.BearerAuthenticator;
import io.openvod.app.auth.TokenAuthenticator;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.config.AuthConfig;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.policy.UploadPolicy;
import io.openvod.app.receipt.EventReceipts;
import io.openvod.app.receipt.HookForwarder;
import io.openvod.app.receipt.ReceivedEvents;
import io.openvod.app.receipt.pull.PullConsumer;
import io.openvod.app.receipt.pull.Tc3VodEventsClient;
import io.openvod.app.signing.SignatureDefaults;
import io.openvod.app.signing.SignatureService;
import io.openvod.app.signing.SignatureSteps;
import io.openvod.app.signing.SigningKeys;
import io.openvod.app.store.AppDatabase;
import io.openvod.core.health.DatabaseCheck;
import io.openvod.core.health.Readiness;
import io.openvod.app.store.SqlAccountStore;
import io.openvod.app.store.SqlReceivedEvents;
import io.openvod.app.store.SqlSignatureLedger;
import io.openvod.app.store.SqlVideos;
import io.openvod.app.videos.Videos;
import io.openvod.app.vod.MediaDistribution;
import io.openvod.app.vod.Tc3MediaDistribution;
import io.openvod.app.vod.VodApi;
import io.openvod.core.ConfigError;
import io.openvod.core.metrics.ServiceMetrics;
import io.openvod.core.sql.SqlTraceLog;
import io.openvod.core.trace.TraceLog;
import io.openvod.core.trace.Tracing;
import io.openvod.core.trace.TracingConfig;
import io.openvod.server.config.ConfigException;
import io.openvod.signature.Credential;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app backend's services wired to their adapters — the one place that names them: the SQL
 * stores on {@link AppDatabase}, Argon2id passwords, the VOD keys, the authenticators, and the
 * event receipt service with its inbox and video records, and its pull consumer when
 * {@code app.receipt.pull.enabled}; and one tracer ({@link Tracing}, from the {@code tracing:}
 * section) whose steps all of them run in, closed with the rest.
 */
public final class AppServices implements AutoCloseable {
    /** The OpenTelemetry {@code service.name} of the app backend's spans. */
    public static final String SERVICE_NAME = "openvod-app";
    private final AppConfig config;
    private final AppDatabase database;
    private final AccountStore store;
    private final SqlSignatureLedger ledger;
    private final AccountService accounts;
    private final SigningKeys keys;
    private final SignatureService signatures;
    private final BearerAuthenticator authenticator;
    private final ReceivedEvents receivedEvents;
    private final Videos videos;
    private final EventReceipts receipts;
    private final Optional<PullConsumer> pullConsumer;
    private final MediaDistribution distribution;
    private final UploadPolicy policy;
    private final Optional<HookForwarder> forwarder;
    private final ServiceMetrics metrics;
    private final Tracing tracing;
    private final Readiness readiness;
    private final TraceLog traces;

    private AppServices(AppConfig config, TracingConfig tracingConfig, Clock clock, Supplier<AppDatabase> opening) {
        this.config = config;
        this.keys = SigningKeys.from(config.vod());
        this.database = opening.get();
        this.metrics = ServiceMetrics.create();
        this.ledger = new SqlSignatureLedger(database.jdbi());
        this.traces = new SignatureSteps(new SqlTraceLog(database.jdbi()), ledger, SERVICE_NAME);
        this.tracing = Tracing.create(SERVICE_NAME, tracingConfig, traces, SignatureSteps::keptAsSpan);
        try {
            database.bindMetrics(metrics.registry());
            this.store = new CachingAccountStore(new SqlAccountStore(database.jdbi()), config.auth().cacheTtl());
            AuthConfig auth = config.auth();
            this.accounts = new AccountService(store, Argon2idPasswordHasher.DEFAULT, auth.sessionTtl(), clock);
            this.policy = new UploadPolicy(config.policy());
            this.signatures = new SignatureService(store, policy, ledger, keys,
                    new SignatureDefaults(config.vod().subAppId(), config.vod().storageRegion()), clock, metrics.registry(), tracing);
            TokenAuthenticator openVodTokens = token -> accounts.authenticate(token, auth.accounts(), auth.apiTokens());
            this.authenticator = new BearerAuthenticator(openVodTokens, JwtWiring.authenticator(auth.jwt(), clock),
                    userId -> store.find(userId).map(Account::banned).orElse(false));
            this.receivedEvents = new SqlReceivedEvents(database.jdbi(), clock);
            this.videos = new SqlVideos(database.jdbi());
            this.receipts = new EventReceipts(receivedEvents, clock, config.receipt().forward().enabled(),
                    config.receiptApplication(), metrics.registry(), tracing);
            this.pullConsumer = pullConsumer(config, keys, receipts, clock);
            this.distribution = distribution(config, keys, clock);
            this.forwarder = config.receipt().forward().enabled()
                    ? Optional.of(new HookForwarder(receivedEvents, videos, config.receipt().forward(), clock, tracing))
                    : Optional.empty();
            this.readiness = Readiness.of(List.of(new DatabaseCheck(database.dataSource(), Readiness.DEFAULT_TIMEOUT)));
        } catch (RuntimeException e) {
            tracing.close();
            ledger.close();
            metrics.close();
            database.close();
            throw e;
        }
    }

    /**
     * The pull consumer when {@code app.receipt.pull.enabled}, signing with the active VOD key.
     *
     * @throws ConfigException when pulling is enabled but {@code app.vod} has no active key
     */
    private static Optional<PullConsumer> pullConsumer(AppConfig config, SigningKeys keys, EventReceipts receipts, Clock clock) {
        if (!config.receipt().pull().enabled()) {
            return Optional.empty();
        }
        Credential key = keys.active().orElseThrow(() -> new ConfigException(ConfigError.CONFIG_INVALID_VALUE,
                "app.receipt.pull.enabled is true, but "
                + "app.vod has no active key to sign PullEvents and ConfirmEvents with: set app.vod.secretId and app.vod.secretKey "
                + "(or secretKeyFile), or disable pulling"));
        return Optional.of(new PullConsumer(new Tc3VodEventsClient(config.receipt().pull(), key, clock), receipts));
    }

    /**
     * Where moderators' decisions go besides the app: {@code ForbidMediaDistribution} at the VOD
     * with {@code app.receipt.forbidAtVod}, else nowhere.
     *
     * @throws ConfigException when it is enabled but {@code app.vod} has no active key
     */
    private static MediaDistribution distribution(AppConfig config, SigningKeys keys, Clock clock) {
        ReceiptConfig.ForbidAtVod atVod = config.receipt().forbidAtVod();
        if (!atVod.enabled()) {
            return MediaDistribution.NONE;
        }
        Credential key = keys.active().orElseThrow(() -> new ConfigException(ConfigError.CONFIG_INVALID_VALUE,
                "app.receipt.forbidAtVod.enabled is true, but app.vod has no active key to sign ForbidMediaDistribution with"));
        return new Tc3MediaDistribution(new VodApi(atVod.endpoint(), atVod.region(), Duration.ofSeconds(10), key, clock),
                config.vod().subAppId());
    }

    /** Where moderators' decisions go besides the app. */
    public MediaDistribution distribution() {
        return distribution;
    }

    /**
     * Opens the database (running migrations) and wires the services, with one tracer
     * ({@value #SERVICE_NAME}) that exports spans as {@code tracing} says.
     */
    public static AppServices open(AppConfig config, TracingConfig tracing, Clock clock) {
        return new AppServices(config, tracing, clock, () -> openDatabase(config));
    }

    /**
     * {@link #open(AppConfig, TracingConfig, Clock)} on {@code database}, opened before with
     * {@link #openDatabase(AppConfig)} (by {@code openvod dev}, while the platform starts); the services
     * close it when they close or fail to open.
     */
    public static AppServices open(AppConfig config, TracingConfig tracing, Clock clock, AppDatabase database) {
        try {
            return new AppServices(config, tracing, clock, () -> database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Opens (and migrates) the database of {@code app.database}. */
    public static AppDatabase openDatabase(AppConfig config) {
        return AppDatabase.open(config.database().url(), config.database().user(), config.database().secret(),
                config.database().poolSize());
    }

    /** {@link #open(AppConfig, TracingConfig, Clock)} with spans exported nowhere (tests, commands that serve nothing). */
    public static AppServices open(AppConfig config, Clock clock) {
        return open(config, TracingConfig.off(), clock);
    }

    public AppConfig config() {
        return config;
    }

    public AccountStore store() {
        return store;
    }

    public SignatureLedger ledger() {
        return ledger;
    }

    public AccountService accounts() {
        return accounts;
    }

    public SignatureService signatures() {
        return signatures;
    }

    public BearerAuthenticator authenticator() {
        return authenticator;
    }

    /** The event receipt service (its processor is started by the running backend). */
    public EventReceipts receipts() {
        return receipts;
    }

    public ReceivedEvents receivedEvents() {
        return receivedEvents;
    }

    public Videos videos() {
        return videos;
    }

    /** The steps the app backend ran ({@code trace_spans}), for {@code openvod trace}. */
    public TraceLog traces() {
        return traces;
    }

    /** Resolves users' roles and upload policies. */
    public UploadPolicy policy() {
        return policy;
    }

    /** The forwarder of processed events to the app's hook, when {@code app.receipt.forward.url} is set (started by the backend). */
    public Optional<HookForwarder> forwarder() {
        return forwarder;
    }

    /** The consumer of pulled events, when {@code app.receipt.pull.enabled} (started by the running backend). */
    public Optional<PullConsumer> pullConsumer() {
        return pullConsumer;
    }

    /** The app backend's tracer: the steps of the uploads' traces it takes part in. */
    public Tracing tracing() {
        return tracing;
    }

    /** The app backend's metrics (served at {@code GET /metrics}). */
    public PrometheusMeterRegistry metrics() {
        return metrics.registry();
    }

    /**
     * The app backend's readiness checks: its database only. Readiness stays local: the pull consumer's and
     * the platform's reachability (Tencent VOD or OpenVOD) are not checked, so an outage there never takes
     * every app node out of a load balancer.
     */
    public Readiness readiness() {
        return readiness;
    }

    public Optional<String> activeSecretId() {
        return keys.active().map(io.openvod.signature.Credential::secretId);
    }

    @Override
    public void close() {
        forwarder.ifPresent(HookForwarder::close);
        pullConsumer.ifPresent(PullConsumer::close);
        receipts.close();
        ledger.close();
        tracing.close();
        database.close();
        metrics.close();
    }
}
