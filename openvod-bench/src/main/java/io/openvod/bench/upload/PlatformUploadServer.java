package io.openvod.bench.upload;

import io.openvod.core.sql.SqlDatabase;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.catalog.MediaInspector;
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
import io.openvod.platform.storage.local.LocalDiskObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A platform node for the upload benchmark: the real {@link PlatformNode} — UGC API and
 * COS-compatible multipart API — on loopback, with SQLite ({@code DIR/platform.db}) and a
 * {@link LocalDiskObjectStore} ({@code DIR/objects}), and one configured API key of AppId
 * {@value #APP_ID}. Media is inspected with the bundled ffprobe on Commit as in production, unless
 * {@code --no-probe} is given.
 *
 * <pre>PlatformUploadServer --dir DIR [--host 127.0.0.1] [--port 0] [--no-probe] [--exit-after SECONDS]</pre>
 * It prints {@code platform upload server on http://HOST:PORT/ (pid N)} once listening, and stops
 * by itself after {@code --exit-after} seconds (default 1800) so that it never outlives a benchmark.
 */
public final class PlatformUploadServer implements AutoCloseable {
    public static final long APP_ID = 1_250_000_000L;
    /** The benchmark's API key; a test value, not a secret. */
    public static final String SECRET_ID = "AKIDUPLOADBENCH0000000000000000000000";
    public static final String SECRET_KEY = "UploadBenchSecretKey000000000000";

    private final PlatformDatabase database;
    private final PlatformStores stores;
    private final LocalDiskObjectStore store;
    private final PlatformNode node;

    private PlatformUploadServer(PlatformDatabase database, PlatformStores stores, LocalDiskObjectStore store, PlatformNode node) {
        this.database = database;
        this.stores = stores;
        this.store = store;
        this.node = node;
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        String host = "127.0.0.1";
        int port = 0;
        boolean probe = true;
        long exitAfter = 1800;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--no-probe")) {
                probe = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--dir" -> dir = Path.of(value);
                case "--host" -> host = value;
                case "--port" -> port = Integer.parseInt(value);
                case "--exit-after" -> exitAfter = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option
                        + "; usage: PlatformUploadServer --dir DIR [--host H] [--port P] [--no-probe] [--exit-after SECONDS]");
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        PlatformUploadServer server = start(dir, host, port, probe);
        System.out.println("platform upload server on " + server.url() + "/ (pid " + ProcessHandle.current().pid() + ", "
                + (probe ? "ffprobe on Commit" : "no probing") + ", store " + dir.toAbsolutePath() + ")");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "platform-shutdown"));
        Thread.sleep(TimeUnit.SECONDS.toMillis(exitAfter));
        System.exit(0);
    }

    /** Starts a node on {@code host:port} (0 picks a free port) with its database and objects in {@code dir}. */
    public static PlatformUploadServer start(Path dir, String host, int port, boolean probe) {
        return start(dir, host, port, probe, PlatformNode.TaskFlows.none());
    }

    /** As {@link #start(Path, String, int, boolean)}, with task flows run by {@code flows}. */
    public static PlatformUploadServer start(Path dir, String host, int port, boolean probe, PlatformNode.TaskFlows flows) {
        UploadConfig upload = new UploadConfig(Duration.ofHours(1), Duration.ofHours(24), 1L << 40, 5L << 30,
                Duration.ofHours(1), Duration.ofMinutes(15));
        PlatformConfig config = new PlatformConfig(new PlatformHttpConfig(host, port, "", "", null),
                SqlDatabase.sqliteUrl(dir.resolve("platform.db")),
                new StorageConfig("local", dir.resolve("objects").toString(), new StorageConfig.S3Config(null, null, null, null, null, null, false)),
                new AccountConfig(APP_ID, "upload-bench"), new CosConfig(null, null, null), upload, new MediaToolsConfig(null, null),
                io.openvod.platform.config.EventsConfig.defaults(),
                io.openvod.platform.config.FlowsConfig.defaults(), io.openvod.platform.config.ReviewConfig.defaults());
        Clock clock = Clock.systemUTC();
        PlatformDatabase database = PlatformDatabase.open(config.databaseUrl());
        LocalDiskObjectStore store = LocalDiskObjectStore.open(config.storage().directory());
        try {
            PlatformStores stores = PlatformStores.on(database,
                    List.of(new ApiKey(SECRET_ID, SECRET_KEY, APP_ID, true, Instant.EPOCH, true)), config.events(), clock);
            stores.keys().addApp(APP_ID, APP_ID, config.account().name());
            MediaInspector inspector = probe ? new ProbeInspector(new MediaProbe(FfmpegTools.bundled()), store)
                    : storeKey -> MediaInspector.Inspection.failed("not inspected (upload benchmark without probing)");
            PlatformNode node = PlatformNode.start(config,
                    new PlatformNode.SignatureRules(Duration.ofMinutes(5), Duration.ofDays(90), 32768),
                    new PlatformNode.Adapters(stores, store, inspector, Optional.empty()), clock, flows);
            return new PlatformUploadServer(database, stores, store, node);
        } catch (RuntimeException e) {
            store.close();
            database.close();
            throw e;
        }
    }

    /** The running node. */
    public PlatformNode node() {
        return node;
    }

    /** Its database. */
    public PlatformDatabase database() {
        return database;
    }

    public PlatformStores stores() {
        return stores;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8082} (no trailing slash). */
    public String url() {
        return node.url();
    }

    @Override
    public void close() {
        node.close();
        store.close();
        database.close();
    }
}
