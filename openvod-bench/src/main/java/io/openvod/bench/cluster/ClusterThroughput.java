package io.openvod.bench.cluster;

import io.openvod.bench.upload.PlatformUploadServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What coordination costs in production mode: whole small UGC uploads (sign, ApplyUploadUGC, one
 * PUT Object, CommitUploadUGC) and their NewFileUpload events, through real {@code openvod platform}
 * processes, for (a) one node on SQLite, (b) one node on PostgreSQL and (c) two nodes on one
 * PostgreSQL database sharing one object folder. Every round measures each configuration once, in
 * alternating order; each run gets a fresh database (a SQLite file, or {@code CREATE DATABASE} on
 * one PostgreSQL server started for the whole benchmark), a fresh object folder and fresh nodes.
 *
 * <p>In each run, {@code --clients} {@link UploadWorker}s upload back to back through an
 * {@link UploadClient} (each request of an upload on the next node) for the warm-up and then the
 * measured period; the nodes push every event to an {@link EventSink} in this JVM. Afterwards it
 * waits for the events still owed, checks them ({@link EventAudit}: every committed FileId
 * notified exactly once), reads the platform's delivery rows, and reports uploads/s, upload
 * latency, events/s, commit → event delay, the failures by status, and the CPU each process used
 * during the measured period ({@link CpuSample}). See {@link ClusterOptions#USAGE}.
 */
public final class ClusterThroughput {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_SECONDS = 180;
    private static final long GRACE_MILLIS = 2_000;

    private final ClusterOptions options;
    private final byte[] body;
    private final Postgres postgres;

    private ClusterThroughput(ClusterOptions options, byte[] body, Postgres postgres) {
        this.options = options;
        this.body = body;
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        ClusterOptions options;
        try {
            options = ClusterOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ClusterThroughput: " + e.getMessage());
            System.err.println(ClusterOptions.USAGE);
            System.exit(2);
            return;
        }
        List<RunResult> results = run(options);
        System.out.println();
        System.out.printf(Locale.ROOT, "%d clients, uploads of %d KiB, %d s warm-up + %d s measured per run, %d round(s); "
                        + "PostgreSQL synchronous_commit=%s%n", options.clients(), options.sizeBytes() / 1024, options.warmupSeconds(),
                options.durationSeconds(), options.rounds(), options.synchronousCommit());
        System.out.print(Summary.table(results, options.setups()));
        System.out.flush();
        System.exit(results.stream().allMatch(RunResult::correct) ? 0 : 1);
    }

    /** Runs every round and answers the results in the order they were measured. */
    static List<RunResult> run(ClusterOptions options) throws Exception {
        Files.createDirectories(options.work());
        Files.createDirectories(options.results().toAbsolutePath().getParent());
        byte[] body = new byte[options.sizeBytes()];
        new Random(42).nextBytes(body);
        Postgres postgres = options.needsPostgres() ? Postgres.start(options.work(), options.synchronousCommit()) : null;
        try {
            if (postgres != null) {
                System.out.printf(Locale.ROOT, "PostgreSQL %s on port %d (pid %d): fsync=%s, synchronous_commit=%s, "
                                + "full_page_writes=%s, shared_buffers=%s%n", postgres.setting("server_version"), postgres.port(),
                        postgres.pid(), postgres.setting("fsync"), postgres.setting("synchronous_commit"),
                        postgres.setting("full_page_writes"), postgres.setting("shared_buffers"));
            }
            ClusterThroughput bench = new ClusterThroughput(options, body, postgres);
            List<RunResult> results = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                for (Setup setup : options.order(round)) {
                    RunResult result = bench.runOnce(setup, round);
                    System.out.println(result.summary());
                    System.out.flush();
                    Files.writeString(options.results(), result.json() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    results.add(result);
                }
            }
            return results;
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** One run: fresh database, folder and nodes; the load; the drain and the checks. */
    private RunResult runOnce(Setup setup, int round) throws Exception {
        String name = "r" + round + setup.letter();
        Path dir = Files.createDirectories(options.work().resolve(name));
        String database = "bench_" + name + "_" + ProcessHandle.current().pid();
        String url = setup.database() == Setup.Database.SQLITE ? "jdbc:sqlite:" + dir.resolve("platform.db")
                : postgres.createDatabase(database);
        System.out.printf(Locale.ROOT, "round %d, %s %s: starting %d node(s) ...%n", round, setup.letter(), setup.label(), setup.nodes());
        try (EventSink sink = EventSink.start()) {
            Path config = Files.writeString(dir.resolve("openvod.yaml"), yaml(url, dir.resolve("objects"), sink.url()));
            List<PlatformProcess> nodes = new ArrayList<>();
            try {
                List<String> urls = new ArrayList<>();
                for (int i = 1; i <= setup.nodes(); i++) {
                    // One after the other: a node that opens the shared object folder clears its temporary files.
                    PlatformProcess node = PlatformProcess.start(name + "-node" + i, options.serverJar(), config, options.heap(),
                            options.nodeJvmOptions(), options.work().resolve(name + "-node" + i + ".log"));
                    nodes.add(node);
                    urls.add(node.awaitUrl(START_SECONDS));
                }
                return measure(setup, round, nodes, urls, sink, url);
            } finally {
                for (PlatformProcess node : nodes) {
                    node.close();
                }
            }
        } finally {
            if (setup.database() == Setup.Database.POSTGRES) {
                postgres.dropDatabase(database);
            }
            deleteTree(dir.resolve("objects"));
        }
    }

    private RunResult measure(Setup setup, int round, List<PlatformProcess> nodes, List<String> urls, EventSink sink, String databaseUrl)
            throws Exception {
        HttpClient http = UploadClient.httpClient();
        UploadClient client = new UploadClient(http, urls, PlatformUploadServer.SECRET_ID, PlatformUploadServer.SECRET_KEY, body,
                REQUEST_TIMEOUT);
        ConcurrentMap<String, Long> commits = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        long measureStart = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long end = measureStart + TimeUnit.SECONDS.toNanos(options.durationSeconds());
        List<UploadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.clients(); i++) {
            UploadWorker worker = new UploadWorker(client, i, measureStart, end, commits);
            workers.add(worker);
            threads.add(Thread.ofPlatform().daemon().name("client-" + i).start(worker));
        }
        List<Long> nodePids = nodes.stream().map(PlatformProcess::pid).toList();
        OptionalLong postmaster = setup.database() == Setup.Database.POSTGRES ? OptionalLong.of(postgres.pid()) : OptionalLong.empty();
        long self = ProcessHandle.current().pid();
        sleepUntil(measureStart);
        double load = loadAverage();
        CpuSample before = CpuSample.read(self, postmaster, nodePids);
        sleepUntil(end);
        CpuSample used = CpuSample.read(self, postmaster, nodePids).minus(before);
        for (Thread t : threads) {
            t.join(REQUEST_TIMEOUT.toMillis() * 3 + 5_000);
        }
        long loadEnded = System.nanoTime();
        double drained = drain(commits, sink, loadEnded);
        Thread.sleep(GRACE_MILLIS); // late duplicates
        EventAudit audit = EventAudit.of(commits, sink.arrivals(), measureStart, end);
        long uploads = 0;
        long warmup = 0;
        long repeated = 0;
        Map<String, Integer> errors = new TreeMap<>();
        RunResult.Latencies latencies = new RunResult.Latencies();
        for (UploadWorker w : workers) {
            uploads += w.measured;
            warmup += w.warmup;
            repeated += w.repeatedFileIds;
            latencies.upload().add(w.latencies);
            latencies.apply().add(w.applies);
            latencies.put().add(w.puts);
            latencies.commit().add(w.commitTimes);
            w.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
        }
        return new RunResult(setup, round, options, uploads, warmup, latencies, errors, repeated, audit, sink.malformed(),
                deliveries(databaseUrl), drained, used, load);
    }

    /** Waits until every committed upload has had its event, at most {@code --drain} seconds; answers the seconds waited. */
    private double drain(Map<String, Long> commits, EventSink sink, long from) throws InterruptedException {
        long deadline = from + TimeUnit.SECONDS.toNanos(options.drainSeconds());
        while (System.nanoTime() - deadline < 0) {
            if (EventAudit.of(commits, sink.arrivals(), from, from).missing() == 0) {
                break;
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - from) / 1e9;
    }

    /** The platform's NewFileUpload events and its push deliveries, read from its database. */
    static RunResult.Deliveries deliveries(String databaseUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl); Statement s = c.createStatement()) {
            long outbox;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM event_outbox WHERE event_type = 'NewFileUpload'")) {
                rs.next();
                outbox = rs.getLong(1);
            }
            long delivered = 0;
            long other = 0;
            long attempts = 0;
            try (ResultSet rs = s.executeQuery("SELECT state, COUNT(*), SUM(attempts) FROM event_deliveries "
                    + "WHERE channel = 'PUSH' GROUP BY state")) {
                while (rs.next()) {
                    if (rs.getString(1).equals("DELIVERED")) {
                        delivered += rs.getLong(2);
                    } else {
                        other += rs.getLong(2);
                    }
                    attempts += rs.getLong(3);
                }
            }
            return new RunResult.Deliveries(outbox, delivered, other, attempts);
        }
    }

    /** The nodes' configuration: the database, the shared object folder, events pushed unsigned to the sink, no task flows. */
    static String yaml(String databaseUrl, Path objects, String sinkUrl) {
        return """
                keys:
                  - secretId: %s
                    secretKey: "%s"
                platform:
                  databaseUrl: "%s"
                  storage:
                    type: local
                    path: "%s"
                  events:
                    notificationUrl: "%s"
                    push:
                      signed: false
                      allowLoopback: true
                  flows:
                    workers: 0
                """.formatted(PlatformUploadServer.SECRET_ID, PlatformUploadServer.SECRET_KEY, databaseUrl,
                objects.toAbsolutePath(), sinkUrl);
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
