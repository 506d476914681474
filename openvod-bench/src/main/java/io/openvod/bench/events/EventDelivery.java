package io.openvod.bench.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.openvod.core.trace.Tracing;
import io.openvod.platform.catalog.MediaCatalog;
import io.openvod.platform.catalog.OutboxEvent;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.events.push.PushDispatcher;
import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.sql.PlatformStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Event delivery: events written through the platform's outbox (the {@link MediaCatalog} port that
 * Commit writes its NewFileUpload through: the outbox row and its PUSH delivery in one transaction
 * on SQLite), signed and POSTed by the platform's {@link PushDispatcher} to a local {@link Receiver}
 * that checks every signature; against a bare loop that POSTs the same signed bodies to the same
 * receiver with nothing stored ({@link BareLoop}, the ceiling). Each round, on a fresh database:
 * the ceiling; the most events per second (two writers as fast as they can for the window; the
 * events answered 2xx within it); commit → 2xx latency at a steady rate; the same rate with the
 * receiver answering 500 for a while mid-run (every event must arrive once, and the backlog's drain
 * is timed from the receiver's recovery). Prints each round and the medians.
 */
public final class EventDelivery {
    private static final long SUB_APP = 1_500_000_001L;

    record Options(Path dir, int rounds, int windowSeconds, int rate, int steadySeconds, int outageAtSeconds, int outageSeconds,
                   int ceilingConcurrency, int sustainedRate, boolean offeredOnly, int writers) {
        static Options parse(String[] args) {
            Path dir = null;
            int rounds = 3, window = 20, rate = 100, steady = 20, outageAt = 10, outage = 10, ceiling = 8, sustained = 2000, offeredOnly = 0,
                    writers = 4;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int n = "--dir".equals(args[i]) ? 0 : Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--dir" -> dir = Path.of(args[i + 1]);
                    case "--rounds" -> rounds = n;
                    case "--window" -> window = n;
                    case "--rate" -> rate = n;
                    case "--steady" -> steady = n;
                    case "--outage-at" -> outageAt = n;
                    case "--outage" -> outage = n;
                    case "--ceiling-concurrency" -> ceiling = n;
                    case "--sustained" -> sustained = n;
                    case "--offered-only" -> offeredOnly = n;
                    case "--writers" -> writers = n;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir is required");
            }
            if (writers < 1) {
                throw new IllegalArgumentException("--writers must be at least 1");
            }
            return new Options(dir, rounds, window, rate, steady, outageAt, outage, ceiling, sustained, offeredOnly == 1, writers);
        }
    }

    record Round(double ceiling, double committedPerSecond, double deliveredPerSecond, double maxDrainSeconds, double p50, double p99,
                 double max, int outageEvents, int outageDelivered, long outageDuplicates, double drainSeconds, long badSignatures,
                 double windowSeconds, double offered, double offeredDelivered, double offeredDrain) {
        /** Every event of the window delivered: written / (window + drain). */
        double sustained() {
            return committedPerSecond * windowSeconds / (windowSeconds + maxDrainSeconds);
        }
    }

    private final Options options;
    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<String, Long> committed = new ConcurrentHashMap<>();

    private EventDelivery(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        EventDelivery bench = new EventDelivery(options);
        List<Round> rounds = new ArrayList<>();
        for (int r = 1; r <= options.rounds(); r++) {
            Round round = bench.round(options.dir().resolve("round-" + r));
            rounds.add(round);
            System.out.println("round " + r + ": " + describe(round));
        }
        Summary.print(rounds);
        System.exit(0);
    }

    static String describe(Round r) {
        return String.format(Locale.ROOT, "ceiling %.0f/s | offered: written %.0f/s, answered %.0f/s within it, drained %.1f s after | max: committed %.0f/s, delivered %.0f/s within the window, backlog drained %.1f s after it (sustained %.0f/s)"
                + " | %s/s: p50 %.1f ms, p99 %.1f ms, max %.1f ms | outage: %d/%d delivered, %d duplicates, drained %.1f s after recovery"
                + " | bad signatures %d",
                r.ceiling(), r.offered(), r.offeredDelivered(), r.offeredDrain(), r.committedPerSecond(), r.deliveredPerSecond(), r.maxDrainSeconds(), r.sustained(), "rate", r.p50(), r.p99(), r.max(),
                r.outageDelivered(), r.outageEvents(), r.outageDuplicates(), r.drainSeconds(), r.badSignatures());
    }

    private Round round(Path dir) throws Exception {
        Files.createDirectories(dir);
        committed.clear();
        EventsConfig defaults = EventsConfig.defaults();
        EventsConfig.Push d = defaults.push();
        EventsConfig.Push push = new EventsConfig.Push(d.timeout(), d.firstRetry(), d.retryWindow(), d.maxAttempts(), d.concurrency(),
                true, true, false);
        EventsConfig events = new EventsConfig(defaults.mode(), defaults.notificationUrl(), defaults.uploadSwitch(), defaults.deleteSwitch(),
                push, defaults.pull());
        Clock clock = Clock.systemUTC();
        try (PlatformDatabase db = PlatformDatabase.open("jdbc:sqlite:" + dir.resolve("platform.db"))) {
            PlatformStores stores = PlatformStores.on(db, List.of(), events, clock);
            stores.keys().addApp(SUB_APP, SUB_APP, "bench");
            String secret = stores.webhookSecrets().create(SUB_APP).secret().reveal();
            try (Receiver receiver = Receiver.start(secret)) {
                stores.eventConfigs().put(new EventConfig(SUB_APP, "PUSH", receiver.url(), "ON", "ON", "ON"));
                double ceiling = BareLoop.run(receiver, secret, options.ceilingConcurrency(), Duration.ofSeconds(options.windowSeconds() / 2));
                receiver.reset();
                try (PushDispatcher dispatcher = new PushDispatcher(stores.deliveries(), push, stores.webhookSecrets(), clock,
                        new SimpleMeterRegistry(), Tracing.local("openvod-bench"))) {
                    dispatcher.start();
                    MediaCatalog catalog = stores.catalog();
                    // Warm-up: a few seconds at the steady rate, unmeasured.
                    paced(catalog, options.rate(), 3, null);
                    awaitAll(receiver, Duration.ofSeconds(30));
                    double[] held = offered(catalog, receiver);
                    if (options.offeredOnly()) {
                        double nan = Double.NaN;
                        return new Round(ceiling, nan, nan, nan, nan, nan, nan, 0, 0, 0, nan, receiver.badSignatures(), nan,
                                held[0], held[1], held[2]);
                    }
                    receiver.reset();
                    committed.clear();
                    double[] max = maxThroughput(catalog, receiver);
                    receiver.reset();
                    committed.clear();
                    double[] latency = steady(catalog, receiver);
                    receiver.reset();
                    committed.clear();
                    double[] outage = outage(catalog, receiver);
                    return new Round(ceiling, max[0], max[1], max[2], latency[0], latency[1], latency[2], (int) outage[0], (int) outage[1],
                            (long) outage[2], outage[3], receiver.badSignatures(), options.windowSeconds(), held[0], held[1], held[2]);
                }
            }
        }
    }

    /**
     * The sustained rate for the window, written by {@code --writers} threads that share it as concurrent
     * Commits do (each writes every N-th event at its own time): written/s, answered-within-the-window/s,
     * drain after it (s).
     */
    private double[] offered(MediaCatalog catalog, Receiver receiver) throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < options.writers(); w++) {
            int first = w;
            writers.add(Thread.ofPlatform().start(() -> paced(catalog, options.sustainedRate(), options.windowSeconds(), start,
                    first, options.writers())));
        }
        for (Thread t : writers) {
            t.join();
        }
        long end = System.nanoTime();
        double seconds = (end - start) / 1e9;
        long within = countAnsweredBefore(receiver, end);
        double drain = awaitAll(receiver, Duration.ofSeconds(300));
        return new double[] {committed.size() / seconds, within / seconds, drain};
    }

    /** Two writers as fast as they can for the window: committed/s, answered-within-the-window/s, drain after it (s). */
    private double[] maxThroughput(MediaCatalog catalog, Receiver receiver) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(options.windowSeconds()).toNanos();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            writers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    write(catalog);
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        long written = committed.size();
        long within = countAnsweredBefore(receiver, end);
        double drain = awaitAll(receiver, Duration.ofSeconds(300));
        double seconds = options.windowSeconds();
        return new double[] {written / seconds, within / seconds, drain};
    }

    /** The steady rate for the steady window: p50, p99, max of commit → 2xx (ms). */
    private double[] steady(MediaCatalog catalog, Receiver receiver) throws InterruptedException {
        paced(catalog, options.rate(), options.steadySeconds(), null);
        awaitAll(receiver, Duration.ofSeconds(60));
        List<Double> millis = new ArrayList<>();
        committed.forEach((id, at) -> {
            Long answered = receiver.answeredAt(id);
            millis.add(answered == null ? Double.POSITIVE_INFINITY : (answered - at) / 1e6);
        });
        millis.sort(null);
        return new double[] {Summary.percentile(millis, 50), Summary.percentile(millis, 99), millis.getLast()};
    }

    /** The steady rate with 500s mid-run: events written, delivered, duplicates, drain after recovery (s). */
    private double[] outage(MediaCatalog catalog, Receiver receiver) throws InterruptedException {
        int total = options.outageAtSeconds() + options.outageSeconds() + options.outageAtSeconds();
        long[] recoveredAt = new long[1];
        paced(catalog, options.rate(), total, second -> {
            if (second == options.outageAtSeconds()) {
                receiver.failing(true);
            } else if (second == options.outageAtSeconds() + options.outageSeconds()) {
                receiver.failing(false);
                recoveredAt[0] = System.nanoTime();
            }
        });
        awaitAll(receiver, Duration.ofSeconds(300));
        long last = committed.keySet().stream().map(receiver::answeredAt).filter(a -> a != null).mapToLong(Long::longValue).max().orElse(0);
        return new double[] {committed.size(), receiver.accepted(), receiver.duplicates(), (last - recoveredAt[0]) / 1e9};
    }

    interface Tick {
        void second(int second);
    }

    /** Event {@code first}, {@code first + step}, … of {@code rate} a second for {@code seconds} from {@code start}, each at its own time. */
    private void paced(MediaCatalog catalog, int rate, int seconds, long start, int first, int step) {
        long period = 1_000_000_000L / rate;
        for (long i = first; i < (long) rate * seconds; i += step) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            write(catalog);
        }
    }

    /** Writes {@code rate} events a second for {@code seconds}, each at its own time; {@code tick} at the start of each second. */
    private void paced(MediaCatalog catalog, int rate, int seconds, Tick tick) {
        long start = System.nanoTime();
        long period = 1_000_000_000L / rate;
        for (long i = 0; i < (long) rate * seconds; i++) {
            if (tick != null && i % rate == 0) {
                tick.second((int) (i / rate));
            }
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            write(catalog);
        }
    }

    /** One NewFileUpload-shaped event of a new FileId, committed; its commit time kept. */
    private void write(MediaCatalog catalog) {
        long n = ids.incrementAndGet();
        String fileId = Long.toString(5_285_890_800_000_000_000L + n);
        String eventId = String.format(Locale.ROOT, "evt-%016x-%08x", System.currentTimeMillis(), n);
        catalog.recordEvent(new OutboxEvent(eventId, SUB_APP, SUB_APP, fileId, "NewFileUpload", Bodies.newFileUpload(fileId)));
        committed.put(eventId, System.nanoTime());
    }

    private long countAnsweredBefore(Receiver receiver, long end) {
        return committed.keySet().stream().map(receiver::answeredAt).filter(a -> a != null && a <= end).count();
    }

    /** Waits until every committed event was answered 2xx; seconds waited. */
    private double awaitAll(Receiver receiver, Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (receiver.accepted() >= committed.size() && committed.keySet().stream().allMatch(id -> receiver.answeredAt(id) != null)) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(5);
        }
        System.out.println("  not all events arrived within " + limit.toSeconds() + " s");
        return Double.NaN;
    }
}
