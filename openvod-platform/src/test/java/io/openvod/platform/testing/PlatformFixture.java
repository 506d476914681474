package io.openvod.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.sql.SqlDatabase;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.account.ApiKeys;
import io.openvod.platform.config.AccountConfig;
import io.openvod.platform.config.CosConfig;
import io.openvod.platform.config.MediaToolsConfig;
import io.openvod.platform.config.PlatformConfig;
import io.openvod.platform.config.PlatformHttpConfig;
import io.openvod.platform.config.StorageConfig;
import io.openvod.platform.config.UploadConfig;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.ProbeInspector;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.sql.PlatformStores;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.local.LocalDiskObjectStore;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * A platform on loopback for tests: SQLite and a local object store in a directory, one account
 * (AppId 1250000000) with one configured key, real FFmpeg. {@link #restart()} stops it and starts
 * a new node on the same database and objects.
 */
public final class PlatformFixture implements AutoCloseable {
    public static final long APP_ID = 1_250_000_000L;
    public static final String SECRET_ID = "AKIDPLATFORMTEST000000000000000000000";
    public static final String SECRET_KEY = "PlatformTestSecretKey00000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final UploadConfig upload;
    private final Clock clock;
    private final io.openvod.platform.config.EventsConfig events;
    /** By default the fixture's node runs no task flows (tests of the engine pass their own). */
    /** Whether media whose review blocked it is still served (platform.review.serveForbidden). */
    private boolean serveForbidden;
    private java.util.function.UnaryOperator<ObjectStore> storeWrapper = java.util.function.UnaryOperator.identity();
    /** Opens the node's object store (a new one at each start); empty: the local disk in the fixture's directory. */
    private Optional<java.util.function.Supplier<ObjectStore>> storeOpener = Optional.empty();
    private PlatformNode.TaskFlows taskFlows = new PlatformNode.TaskFlows(List.of(),
            io.openvod.platform.flow.FlowSettings.defaults().withWorkers(0));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PlatformDatabase database;
    private ObjectStore store;
    private PlatformNode node;
    private PlatformStores stores;
    /** Where the node records its metrics (a new registry at each start unless a test passes one). */
    private Optional<io.micrometer.prometheusmetrics.PrometheusMeterRegistry> metrics = Optional.empty();

    static {
        TestSecrets.rememberConstants(PlatformFixture.class);
    }

    private PlatformFixture(Path dir, UploadConfig upload, Clock clock, io.openvod.platform.config.EventsConfig events) {
        this.dir = dir;
        this.upload = upload;
        this.clock = clock;
        this.events = events;
    }

    public static PlatformFixture start(Path dir) {
        return start(dir, defaultUpload(), Clock.systemUTC());
    }

    public static PlatformFixture start(Path dir, UploadConfig upload, Clock clock) {
        return start(dir, upload, clock, io.openvod.platform.config.EventsConfig.defaults());
    }

    /** A platform with these event settings (e.g. push to loopback receivers, short retries). */
    public static PlatformFixture start(Path dir, io.openvod.platform.config.EventsConfig events) {
        return start(dir, defaultUpload(), Clock.systemUTC(), events);
    }

    public static PlatformFixture start(Path dir, UploadConfig upload, Clock clock, io.openvod.platform.config.EventsConfig events) {
        PlatformFixture fixture = new PlatformFixture(dir, upload, clock, events);
        fixture.open();
        return fixture;
    }

    /**
     * A platform on the object store that {@code openStore} opens at each start (e.g. an S3 store
     * of {@code S3MockProcess}), closed when the node stops.
     */
    public static PlatformFixture startOn(Path dir, java.util.function.Supplier<ObjectStore> openStore, UploadConfig upload,
                                          Clock clock) {
        PlatformFixture fixture = new PlatformFixture(dir, upload, clock, io.openvod.platform.config.EventsConfig.defaults());
        fixture.storeOpener = Optional.of(openStore);
        fixture.open();
        return fixture;
    }

    /** A platform whose task flows run these steps with these settings. */
    public static PlatformFixture start(Path dir, PlatformNode.TaskFlows taskFlows) {
        PlatformFixture fixture = new PlatformFixture(dir, defaultUpload(), Clock.systemUTC(),
                io.openvod.platform.config.EventsConfig.defaults());
        fixture.taskFlows = taskFlows;
        fixture.open();
        return fixture;
    }

    /** A platform whose task flows run these steps, on the local store as {@code wrapStore} wraps it (e.g. to fail for a while). */
    public static PlatformFixture start(Path dir, PlatformNode.TaskFlows taskFlows,
                                        java.util.function.UnaryOperator<ObjectStore> wrapStore) {
        PlatformFixture fixture = new PlatformFixture(dir, defaultUpload(), Clock.systemUTC(),
                io.openvod.platform.config.EventsConfig.defaults());
        fixture.taskFlows = taskFlows;
        fixture.storeWrapper = wrapStore;
        fixture.open();
        return fixture;
    }

    /** A platform whose task flows run these steps, with these event settings. */
    public static PlatformFixture start(Path dir, PlatformNode.TaskFlows taskFlows, io.openvod.platform.config.EventsConfig events) {
        PlatformFixture fixture = new PlatformFixture(dir, defaultUpload(), Clock.systemUTC(), events);
        fixture.taskFlows = taskFlows;
        fixture.open();
        return fixture;
    }

    /** A platform whose task flows run these steps, and which still serves forbidden media when {@code serveForbidden}. */
    public static PlatformFixture start(Path dir, PlatformNode.TaskFlows taskFlows, boolean serveForbidden) {
        PlatformFixture fixture = new PlatformFixture(dir, defaultUpload(), Clock.systemUTC(),
                io.openvod.platform.config.EventsConfig.defaults());
        fixture.taskFlows = taskFlows;
        fixture.serveForbidden = serveForbidden;
        fixture.open();
        return fixture;
    }

    /** A platform whose task flows run these steps, with these event settings, recording its metrics in {@code metrics}. */
    public static PlatformFixture start(Path dir, PlatformNode.TaskFlows taskFlows, io.openvod.platform.config.EventsConfig events,
                                        io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics) {
        PlatformFixture fixture = new PlatformFixture(dir, defaultUpload(), Clock.systemUTC(), events);
        fixture.taskFlows = taskFlows;
        fixture.metrics = Optional.of(metrics);
        fixture.open();
        return fixture;
    }

    public static UploadConfig defaultUpload() {
        return new UploadConfig(Duration.ofHours(1), Duration.ofHours(24), 1L << 34, 1L << 30, Duration.ofHours(1),
                Duration.ofMinutes(15));
    }

    public static PlatformConfig config(UploadConfig upload, Path dir) {
        return config(upload, dir, io.openvod.platform.config.EventsConfig.defaults());
    }

    public static PlatformConfig config(UploadConfig upload, Path dir, io.openvod.platform.config.EventsConfig events) {
        return new PlatformConfig(new PlatformHttpConfig("127.0.0.1", 0, "", "", null),
                SqlDatabase.sqliteUrl(dir.resolve("platform.db")),
                new StorageConfig("local", dir.resolve("objects").toString(), new StorageConfig.S3Config(null, null, null, null, null, null, false)),
                new AccountConfig(APP_ID, "test"), new CosConfig(null, null, null), upload, new MediaToolsConfig(null, null),
                events,
                io.openvod.platform.config.FlowsConfig.defaults(), io.openvod.platform.config.ReviewConfig.defaults());
    }

    private void open() {
        PlatformConfig base = config(upload, dir, events);
        io.openvod.platform.config.ReviewConfig review = base.review();
        PlatformConfig config = new PlatformConfig(base.http(), base.databaseUrl(), base.storage(), base.account(), base.cos(),
                base.upload(), base.media(), base.events(), base.flows(), new io.openvod.platform.config.ReviewConfig(review.engine(),
                review.reviewThreshold(), review.blockThreshold(), serveForbidden, review.nsfwjs(), review.onnx(), review.http()));
        database = PlatformDatabase.open(config.databaseUrl());
        store = storeWrapper.apply(storeOpener.map(java.util.function.Supplier::get)
                .orElseGet(() -> LocalDiskObjectStore.open(dir.resolve("objects"))));
        stores = PlatformStores.on(database, List.of(new ApiKey(SECRET_ID, SECRET_KEY, APP_ID, true, Instant.EPOCH, true)),
                config.events(), clock);
        stores.keys().addApp(APP_ID, APP_ID, "primary");
        ProbeInspector inspector = new ProbeInspector(new MediaProbe(FfmpegTools.bundled()), store);
        node = PlatformNode.start(config, new PlatformNode.SignatureRules(Duration.ofMinutes(5), Duration.ofDays(90), 32768),
                new PlatformNode.Adapters(stores, store, inspector, Optional.empty()), clock, taskFlows,
                metrics.orElseGet(() -> new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT)));
    }

    /** Stops the node and starts a new one on the same files, as a platform restart does. */
    public void restart() {
        closeAll();
        open();
    }

    public PlatformNode node() {
        return node;
    }

    public ObjectStore store() {
        return store;
    }

    public PlatformDatabase database() {
        return database;
    }

    public ApiKeys keys() {
        return stores.keys();
    }

    /** The platform's stores, as the node uses them. */
    public PlatformStores stores() {
        return stores;
    }

    public String url() {
        return node.url();
    }

    /** A fresh signature by the configured key, valid for an hour, shaped by {@code customize}. */
    public String signature(UnaryOperator<SignatureParameters.Builder> customize) {
        return signature(SECRET_ID, SECRET_KEY, customize);
    }

    public String signature(String secretId, String secretKey, UnaryOperator<SignatureParameters.Builder> customize) {
        TestSecrets.remember(secretKey);
        long now = clock.instant().getEpochSecond();
        SignatureParameters.Builder builder = SignatureParameters.builder().secretId(secretId).currentTimeStamp(now)
                .expireTime(now + 3600).random(ThreadLocalRandom.current().nextLong(1L << 32));
        return UploadSigner.sign(customize.apply(builder).build(), secretKey);
    }

    public String signature() {
        return signature(b -> b);
    }

    /** Calls a UGC action and returns the whole answer ({@code code}, {@code message}, {@code data}). */
    public JsonNode ugc(String action, ObjectNode body) {
        return ugcRaw(action, body.toString());
    }

    public JsonNode ugcRaw(String action, String body) {
        return answer(ugcResponse(action, body, java.util.Map.of()));
    }

    /** Calls a UGC action with these request headers (e.g. {@code traceparent}); returns the whole answer. */
    public JsonNode ugc(String action, ObjectNode body, java.util.Map<String, String> headers) {
        return answer(ugcResponse(action, body.toString(), headers));
    }

    /** Calls a UGC action with these request headers; returns the HTTP response, which must be a 200. */
    public HttpResponse<String> ugcResponse(String action, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("UGC answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode answer(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json() {
        return JSON.createObjectNode();
    }

    private void closeAll() {
        if (node != null) {
            node.close();
        }
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    public void close() {
        closeAll();
    }
}
