package io.openvod.server.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.config.VodConfig;
import io.openvod.app.policy.PolicyConfig;
import io.openvod.app.policy.RolePolicy;
import io.openvod.app.store.AppDatabase;
import io.openvod.core.Secret;
import io.openvod.core.net.ReservedPort;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeyGenerator;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.config.PlatformConfig;
import io.openvod.platform.events.EventConfig;
import io.openvod.server.app.AppBackend;
import io.openvod.server.app.AppServices;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code openvod dev} runs: the platform and the app backend in one process, a dev API key
 * (the account's first active stored key, made on first start) that the app backend signs with,
 * a demo user, and {@code dev.json} describing it all.
 *
 * <p>The platform delivers the dev application's events to the app backend: the dev platform's
 * configuration — not the database — says PUSH to the app's receipt URL
 * ({@code /api/v1/vod/events/<pathToken>}) for applications without stored event settings, so a
 * later {@code openvod platform} on the same database starts with its own settings; callbacks are
 * signed with the dev application's own webhook secret (made on the platform on first start, like
 * {@code openvod events secrets create}) that the app verifies, the app takes events of the dev
 * application only, and loopback callbacks are allowed. The app's port is chosen before the
 * platform starts (a free one for port 0), so that the receipt URL is known then. The settings an
 * earlier version of {@code openvod dev} stored for the dev application (PUSH to this receipt path)
 * are removed. The path token is made once and kept in the state directory ({@link DevReceiptSecrets}). The default role's signatures name the task flow
 * {@value #DEV_PROCEDURE} unless the configuration names one, so that an upload goes through
 * review to {@code published} without a manual step.
 */
public final class DevStack implements AutoCloseable {
    public static final String DEMO_USER = "demo";
    public static final String DEMO_PASSWORD = "demo-password";
    /** A demo moderator (role {@link #MODERATOR_ROLE}), who sees the review queue on the web page. */
    public static final String MODERATOR_USER = "moderator";
    public static final String MODERATOR_PASSWORD = "moderator-password";
    public static final String MODERATOR_ROLE = "moderator";
    /** The task flow of the demo's signatures when the default role names none. */
    public static final String DEV_PROCEDURE = "ReviewAudioVideoTranscodeCover";
    private static final String RECEIPT_PATH = "api/v1/vod/events/";
    private static final Logger LOG = LoggerFactory.getLogger(DevStack.class);

    private final Platform platform;
    private final AppBackend app;
    private final ApiKey key;
    private final Path stateFile;
    private final String receiptUrl;
    private final String procedure;

    private DevStack(Platform platform, AppBackend app, ApiKey key, Path stateFile, String receiptUrl, String procedure) {
        this.platform = platform;
        this.app = app;
        this.key = key;
        this.stateFile = stateFile;
        this.receiptUrl = receiptUrl;
        this.procedure = procedure;
    }

    /**
     * Starts both services, points the dev application's events at the app and writes {@code stateDir/dev.json}.
     * The app's database is opened and migrated on a thread of its own ({@code openvod-app-database})
     * while the platform starts and migrates its own: the app's configuration needs the running
     * platform (its URL, the dev key), its database does not.
     */
    public static DevStack start(OpenVodConfig config, Path stateDir, Clock clock) {
        DevReceiptSecrets secrets = DevReceiptSecrets.loadOrCreate(stateDir);
        // The platform needs the app's receipt URL before the app listens: app port 0 is reserved now.
        Optional<ReservedPort> appPort = config.app().http().port() == 0 ? Optional.of(ReservedPort.on(config.app().http().host()))
                : Optional.empty();
        AppHttpConfig appHttp = appPort.map(p -> config.app().http().withPort(p.port(), config.app().http().corsOrigins()))
                .orElse(config.app().http());
        String receiptUrl = urlOf(appHttp) + RECEIPT_PATH + secrets.pathToken();
        CompletableFuture<AppDatabase> appDatabase = CompletableFuture.supplyAsync(() -> AppServices.openDatabase(config.app()),
                task -> Thread.ofPlatform().daemon().name("openvod-app-database").start(task));
        Platform platform;
        try {
            platform = Platform.start(withDevPush(config.platform(), receiptUrl), config.signature(), config.keys(),
                    config.tracing().tracing(), clock);
        } catch (RuntimeException e) {
            appPort.ifPresent(ReservedPort::close);
            closeOnceOpened(appDatabase, e);
            throw e;
        }
        AppBackend app = null;
        try {
            long appId = config.platform().account().appId();
            forgetEarlierDevPush(platform, appId, secrets.pathToken());
            ApiKey key = devKey(platform, appId);
            AppConfig appConfig = withDevKey(config.app(), appHttp, key, secrets, webhookSecrets(platform, appId), platform.url(),
                    platform.node().mediaBaseUrl()).withWeb(new io.openvod.app.config.WebConfig(
                    platform.url(), "Demo account: " + DEMO_USER + " / " + DEMO_PASSWORD + " (moderator: " + MODERATOR_USER + " / "
                    + MODERATOR_PASSWORD + ")"));
            app = AppBackend.start(appConfig, config.tracing().tracing(), clock, opened(appDatabase), appPort);
            if (app.services().store().find(DEMO_USER).isEmpty()) {
                app.services().accounts().createUser(DEMO_USER, "", Optional.of(DEMO_PASSWORD.toCharArray()));
            }
            if (app.services().store().find(MODERATOR_USER).isEmpty() && appConfig.receipt().moderatorRoles().contains(MODERATOR_ROLE)) {
                app.services().accounts().createUser(MODERATOR_USER, MODERATOR_ROLE, Optional.of(MODERATOR_PASSWORD.toCharArray()));
            }
            if (!app.url().toString().equals(urlOf(appHttp))) {
                throw new IllegalStateException("the app listens on " + app.url() + ", not on " + urlOf(appHttp)
                        + ", where the platform pushes the events");
            }
            String procedure = appConfig.policy().roles().get(appConfig.policy().defaultRole()).defaultProcedure();
            DevStack stack = new DevStack(platform, app, key, stateDir.resolve("dev.json"), receiptUrl, procedure);
            stack.writeState();
            return stack;
        } catch (RuntimeException e) {
            if (app != null) {
                app.close();
            }
            appPort.ifPresent(ReservedPort::close);
            closeOnceOpened(appDatabase, e);
            platform.close();
            throw e;
        }
    }

    /** The app's database once it is open, or what its opening threw, as it was thrown. */
    private static AppDatabase opened(CompletableFuture<AppDatabase> database) {
        try {
            return database.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * After {@code failure}: waits for the app's database to be open and closes it (again, when the app
     * backend had it and closed it: closing is idempotent); a failure to open it is added to {@code failure}.
     */
    private static void closeOnceOpened(CompletableFuture<AppDatabase> database, RuntimeException failure) {
        try {
            opened(database).close();
        } catch (RuntimeException | Error e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * The app configuration signing with the dev key, verifying the dev pushes, naming
     * {@link #DEV_PROCEDURE}, sending moderators' decisions to the dev platform, and answering video
     * URLs on the dev platform's media base of this run (so those of earlier runs, on other ports, work).
     */
    private static AppConfig withDevKey(AppConfig base, AppHttpConfig appHttp, ApiKey key, DevReceiptSecrets secrets,
                                        List<Secret> signing, String platformUrl, String mediaBaseUrl) {
        AppHttpConfig http = appHttp.corsOrigins().isEmpty() ? appHttp.withPort(appHttp.port(), List.of("*")) : appHttp;
        ReceiptConfig r = base.receipt();
        List<Secret> webhookSecrets = new ArrayList<>(signing);
        webhookSecrets.addAll(r.webhookSecrets());
        ReceiptConfig receipt = new ReceiptConfig(Secret.of(secrets.pathToken()), webhookSecrets, r.tolerance(), r.maxBodyBytes(),
                r.pull(), r.forward(), r.moderatorRoles(), new ReceiptConfig.ForbidAtVod(true, platformUrl, ""), key.appId());
        return new AppConfig(http, base.database(), new VodConfig(key.secretId(), Secret.of(key.secretKey()), null, List.of(), 0, "",
                        mediaBaseUrl),
                base.auth(), withDevProcedure(base.policy()), base.rateLimit(), receipt);
    }

    /**
     * The policy with {@link #DEV_PROCEDURE} as the default role's default procedure when the
     * configuration sets none, and a {@link #MODERATOR_ROLE} role (the default role's rules) when
     * the configuration has none, for the demo moderator.
     */
    private static PolicyConfig withDevProcedure(PolicyConfig policy) {
        RolePolicy role = policy.roles().get(policy.defaultRole());
        Map<String, RolePolicy> roles = new HashMap<>(policy.roles());
        RolePolicy dev = role.defaultProcedure().isEmpty() ? new RolePolicy(role.enabled(), role.procedures(), DEV_PROCEDURE,
                role.classIds(), role.defaultClassId(), role.validity(), role.oneTimeValid(), role.uploadsPerDay(), role.bytesPerDay(),
                role.maxFileSize()) : role;
        roles.put(policy.defaultRole(), dev);
        roles.putIfAbsent(MODERATOR_ROLE, dev);
        return new PolicyConfig(policy.defaultRole(), roles, policy.users());
    }

    /**
     * The secrets that sign the dev application's callbacks now; on the first start (none yet) one
     * is made, as {@code openvod events secrets create} would.
     */
    private static List<Secret> webhookSecrets(Platform platform, long appId) {
        var secrets = platform.node().webhookSecrets();
        List<Secret> signing = secrets.signing(appId);
        return signing.isEmpty() ? List.of(secrets.create(appId).secret()) : signing;
    }

    /**
     * The platform configuration pushing the events of applications without stored settings to
     * {@code receiptUrl}, signing callbacks and allowing loopback callback URLs.
     */
    private static PlatformConfig withDevPush(PlatformConfig base, String receiptUrl) {
        EventsConfig e = base.events();
        EventsConfig.Push p = e.push();
        EventsConfig events = new EventsConfig("PUSH", receiptUrl, e.uploadSwitch(), e.deleteSwitch(),
                new EventsConfig.Push(p.timeout(), p.firstRetry(), p.retryWindow(), p.maxAttempts(), p.concurrency(),
                        p.perReceiver(), true, true, p.allowPrivateNetworks()), e.pull());
        return new PlatformConfig(base.http(), base.databaseUrl(), base.databaseUsername(), base.databasePassword(),
                base.databasePoolSize(), base.storage(), base.account(), base.cos(), base.upload(), base.media(), events, base.flows(),
                base.review());
    }

    /**
     * Removes the event settings an earlier {@code openvod dev} stored for the dev application (PUSH to
     * this state directory's receipt path), which would send a later {@code openvod platform}'s events to
     * a loopback URL it refuses; warns of other stored settings, which are in force instead of the dev push.
     */
    private static void forgetEarlierDevPush(Platform platform, long subAppId, String pathToken) {
        var configs = platform.node().eventConfigs();
        for (EventConfig stored : configs.stored()) {
            if (stored.subAppId() != subAppId) {
                continue;
            }
            if (stored.mode().equals("PUSH") && stored.notificationUrl().endsWith(RECEIPT_PATH + pathToken)) {
                configs.remove(subAppId);
                LOG.info("removed the event settings an earlier openvod dev stored for application {}; its events follow "
                        + "openvod dev's configuration now", subAppId);
            } else {
                LOG.warn("application {} has stored event settings (ModifyEventConfig: {}), which are in force instead of openvod "
                        + "dev's push to its app backend", subAppId, stored.mode());
            }
        }
    }

    /** The app's base URL as {@link AppBackend#url()} will name it, ending in {@code /}. */
    private static String urlOf(AppHttpConfig http) {
        String host = http.host();
        String shown = host.contains(":") ? "[" + host + "]" : host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "http://" + shown + ":" + http.port() + "/";
    }

    private static ApiKey devKey(Platform platform, long appId) {
        var keys = platform.services().keys();
        return keys.list().stream().filter(k -> !k.fromConfig() && k.active() && k.appId() == appId).findFirst().orElseGet(() -> {
            ApiKey made = new ApiKey(ApiKeyGenerator.secretId(), ApiKeyGenerator.secretKey(), appId, true, Instant.now(), false);
            keys.add(made);
            return made;
        });
    }

    private void writeState() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode dev = json.createObjectNode();
        dev.put("platformUrl", platform.url());
        dev.put("appUrl", app.url().toString());
        dev.put("appId", key.appId());
        dev.put("secretId", key.secretId());
        dev.put("secretKey", key.secretKey());
        dev.put("user", DEMO_USER);
        dev.put("password", DEMO_PASSWORD);
        dev.put("moderator", MODERATOR_USER);
        dev.put("moderatorPassword", MODERATOR_PASSWORD);
        dev.put("webUrl", app.url().toString());
        dev.put("receiptUrl", receiptUrl);
        dev.put("procedure", procedure);
        try {
            // dev.json holds the dev key's SecretKey: its owner may read it, nobody else.
            OwnerOnlyFile.write(stateFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(dev));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + stateFile, e);
        }
    }

    public Platform platform() {
        return platform;
    }

    public AppBackend app() {
        return app;
    }

    public ApiKey key() {
        return key;
    }

    public Path stateFile() {
        return stateFile;
    }

    /** Where the platform pushes the dev application's events: the app's receipt endpoint with the path token. */
    public String receiptUrl() {
        return receiptUrl;
    }

    /** The task flow the demo user's signatures name; empty for none. */
    public String procedure() {
        return procedure;
    }

    @Override
    public void close() {
        try {
            app.close();
        } finally {
            platform.close();
        }
    }
}
