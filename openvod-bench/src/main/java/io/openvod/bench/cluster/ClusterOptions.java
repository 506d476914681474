package io.openvod.bench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The cluster benchmark's command line.
 *
 * @param serverJar      the runnable jar of {@code openvod} ({@code openvod-server/target/openvod-server.jar})
 * @param work           the folder for databases, objects, configurations and logs
 * @param results        the file JSON lines are appended to
 * @param setups         the configurations to measure, in their order of round 1
 * @param clients        concurrent clients, each doing whole uploads back to back
 * @param warmupSeconds  load before measuring, not measured
 * @param durationSeconds measured load
 * @param rounds         times every configuration is measured
 * @param sizeBytes      bytes of each uploaded object
 * @param drainSeconds   how long to wait after the load for events still owed
 * @param heap           heap of every platform node ({@code -Xms} = {@code -Xmx})
 * @param nodeJvmOptions further JVM options of the nodes (e.g. a flight recording)
 * @param synchronousCommit PostgreSQL's {@code synchronous_commit} ({@code off} or {@code on})
 * @param clockTicks     the kernel's clock ticks per second ({@code getconf CLK_TCK}), for CPU times
 */
record ClusterOptions(Path serverJar, Path work, Path results, List<Setup> setups, int clients, int warmupSeconds, int durationSeconds,
                      int rounds, int sizeBytes, int drainSeconds, String heap, List<String> nodeJvmOptions, String synchronousCommit,
                      int clockTicks) {

    static final String USAGE = """
            usage: ClusterThroughput --server-jar JAR --work DIR [options]
              --results FILE        append one JSON line per measured run (default: DIR/cluster-throughput.jsonl)
              --setups LIST         configurations, comma-separated, in round 1's order (default a,b,c):
                                    a = 1 node on SQLite, b = 1 node on PostgreSQL, c = 2 nodes on PostgreSQL
              --clients N           concurrent clients, each doing whole uploads back to back (default 8)
              --warmup SECONDS      load before measuring, discarded (default 10)
              --duration SECONDS    measured load (default 20)
              --rounds N            times each configuration is measured, in alternating order (default 3)
              --size-kib N          size of each upload in KiB (default 256)
              --drain SECONDS       after the load, wait at most this long for events still owed (default 30)
              --heap SIZE           heap of each platform node, -Xms = -Xmx (default 512m)
              --node-jvm-option OPT a further JVM option of every node (repeatable)
              --synchronous-commit off|on  PostgreSQL's synchronous_commit (default off, like SQLite's synchronous=NORMAL)
              --clock-ticks N       the kernel's clock ticks per second, getconf CLK_TCK (default 100)""";

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for a bad command line. */
    static ClusterOptions parse(String[] args) {
        Path serverJar = null;
        Path work = null;
        Path results = null;
        List<Setup> setups = List.of(Setup.values());
        int clients = 8;
        int warmup = 10;
        int duration = 20;
        int rounds = 3;
        int sizeKib = 256;
        int drain = 30;
        String heap = "512m";
        List<String> jvmOptions = new ArrayList<>();
        String synchronousCommit = "off";
        int clockTicks = 100;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--server-jar" -> serverJar = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--setups" -> setups = setups(value);
                case "--clients" -> clients = number(option, value, 1, 1024);
                case "--warmup" -> warmup = number(option, value, 0, 3600);
                case "--duration" -> duration = number(option, value, 1, 3600);
                case "--rounds" -> rounds = number(option, value, 1, 100);
                case "--size-kib" -> sizeKib = number(option, value, 1, 1024 * 1024);
                case "--drain" -> drain = number(option, value, 1, 3600);
                case "--heap" -> heap = heap(value);
                case "--node-jvm-option" -> jvmOptions.add(value);
                case "--synchronous-commit" -> synchronousCommit = switch (value) {
                    case "on", "off" -> value;
                    default -> throw new IllegalArgumentException("--synchronous-commit takes on or off, not " + value);
                };
                case "--clock-ticks" -> clockTicks = number(option, value, 1, 100_000);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (serverJar == null || work == null) {
            throw new IllegalArgumentException("--server-jar and --work are required");
        }
        if (!Files.isRegularFile(serverJar)) {
            throw new IllegalArgumentException("not a file: " + serverJar + " (build it: ./mvnw -pl openvod-server -am package)");
        }
        return new ClusterOptions(serverJar, work, results != null ? results : work.resolve("cluster-throughput.jsonl"), setups,
                clients, warmup, duration, rounds, sizeKib * 1024, drain, heap, List.copyOf(jvmOptions), synchronousCommit, clockTicks);
    }

    /** Whether any configuration needs PostgreSQL. */
    boolean needsPostgres() {
        return setups.stream().anyMatch(s -> s.database() == Setup.Database.POSTGRES);
    }

    /**
     * The configurations of round {@code round} (from 1): round 1 in the given order, round 2 reversed, and so on,
     * so that each configuration is measured early and late alike.
     */
    List<Setup> order(int round) {
        List<Setup> order = new ArrayList<>(setups);
        if (round % 2 == 0) {
            Collections.reverse(order);
        }
        return order;
    }

    private static List<Setup> setups(String value) {
        List<Setup> setups = new ArrayList<>();
        for (String name : value.split(",")) {
            Setup setup = Setup.named(name.strip());
            if (setups.contains(setup)) {
                throw new IllegalArgumentException("--setups names " + setup.letter() + " twice");
            }
            setups.add(setup);
        }
        return List.copyOf(setups);
    }

    private static String heap(String value) {
        if (!value.matches("[1-9][0-9]*[kmgKMG]?")) {
            throw new IllegalArgumentException("--heap takes a JVM size such as 512m, not " + value);
        }
        return value;
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max + ", not " + value);
    }
}
