package io.openvod.bench.cluster;

import io.openvod.bench.load.LatencyHistogram;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One measured run of one configuration.
 *
 * @param setup          the configuration
 * @param round          the round (from 1)
 * @param options        how it was run
 * @param uploads        commits answered within the measured period
 * @param warmupUploads  commits answered during the warm-up
 * @param latencies      the measured uploads' times, in nanoseconds
 * @param errors         failed uploads over the whole run, by what failed (e.g. {@code PUT Object HTTP 503})
 * @param repeatedFileIds commits that answered a FileId an earlier commit had answered
 * @param audit          the events received, checked against the commits
 * @param malformed      requests to the event sink that were not an event
 * @param deliveries     the platform's delivery rows at the end
 * @param drainSeconds   from the end of the load until the last owed event arrived (or the drain gave up)
 * @param cpu            CPU ticks used during the measured period
 * @param loadAverage    the host's 1-minute load average as the measured period began
 */
record RunResult(Setup setup, int round, ClusterOptions options, long uploads, long warmupUploads, Latencies latencies,
                 Map<String, Integer> errors, long repeatedFileIds, EventAudit audit, long malformed, Deliveries deliveries,
                 double drainSeconds, CpuSample cpu, double loadAverage) {

    /**
     * The times of the measured uploads, in nanoseconds.
     *
     * @param upload sign → commit answer, the whole upload
     * @param apply  signing and ApplyUploadUGC
     * @param put    PUT Object
     * @param commit signing and CommitUploadUGC
     */
    record Latencies(LatencyHistogram upload, LatencyHistogram apply, LatencyHistogram put, LatencyHistogram commit) {
        Latencies() {
            this(new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram(), new LatencyHistogram());
        }
    }

    /**
     * The platform's own view of its push deliveries ({@code event_deliveries}, {@code event_outbox}).
     *
     * @param outbox    NewFileUpload events in the outbox
     * @param delivered push deliveries in state DELIVERED
     * @param other     push deliveries in any other state (PENDING, DEAD)
     * @param attempts  POST attempts recorded over all push deliveries (one per delivered event when nothing was retried)
     */
    record Deliveries(long outbox, long delivered, long other, long attempts) {
        /** Attempts beyond one per delivered event. */
        long retries() {
            return attempts - delivered;
        }
    }

    double uploadsPerSecond() {
        return (double) uploads / options.durationSeconds();
    }

    double eventsPerSecond() {
        return (double) audit.eventsInWindow() / options.durationSeconds();
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    double uploadMs(double percentile) {
        return latencies.upload().percentile(percentile) / 1e6;
    }

    double delayMs(double percentile) {
        return audit.delays().percentile(percentile) / 1e6;
    }

    private static double ms(LatencyHistogram h, double percentile) {
        return h.percentile(percentile) / 1e6;
    }

    /** CPU cores used on average during the measured period. */
    double cores(long ticks) {
        return ticks / (double) options.clockTicks() / options.durationSeconds();
    }

    /** CPU milliseconds per measured upload of what the platform runs on: PostgreSQL, the node JVMs and their ffprobe runs. */
    double serverCpuMsPerUpload() {
        return uploads == 0 ? Double.NaN
                : (cpu.postgres() + cpu.nodes() + cpu.nodeChildren()) * 1000.0 / options.clockTicks() / uploads;
    }

    /** Whether every upload succeeded and was notified exactly once, and the platform agrees. */
    boolean correct() {
        return errorCount() == 0 && repeatedFileIds == 0 && audit.exactlyOnce() && malformed == 0
                && deliveries.outbox() == audit.committed() && deliveries.other() == 0;
    }

    /** Human-readable lines. */
    String summary() {
        String label = "[" + setup.letter() + " " + setup.label() + ", round " + round + "] ";
        return label + String.format(Locale.ROOT, "%.1f uploads/s (%d in %d s; warm-up %d), upload ms p50 %.1f p99 %.1f max %.1f; "
                        + "p50 of apply %.1f, PUT %.1f, commit %.1f (p99 %.1f)%n", uploadsPerSecond(), uploads, options.durationSeconds(),
                warmupUploads, uploadMs(50), uploadMs(99), latencies.upload().max() / 1e6, ms(latencies.apply(), 50),
                ms(latencies.put(), 50), ms(latencies.commit(), 50), ms(latencies.commit(), 99))
                + label + String.format(Locale.ROOT, "%.1f events/s, commit → event ms p50 %.1f p99 %.1f max %.1f (%d arrived before "
                        + "the commit's answer); drained in %.1f s%n", eventsPerSecond(), delayMs(50), delayMs(99),
                        audit.delays().max() / 1e6, audit.early(), drainSeconds)
                + label + String.format(Locale.ROOT, "correctness: %d committed, %d notified, %d missing, %d duplicates, %d conflicting, "
                        + "%d unexpected, %d malformed, %d repeated FileIds; errors %d %s; platform: outbox %d, delivered %d, "
                        + "other %d, retries %d -> %s%n", audit.committed(), audit.notified(), audit.missing(), audit.duplicates(),
                        audit.conflicting(), audit.unexpected(), malformed, repeatedFileIds, errorCount(), errors,
                        deliveries.outbox(), deliveries.delivered(), deliveries.other(), deliveries.retries(), correct() ? "OK" : "NOT OK")
                + label + String.format(Locale.ROOT, "CPU cores: PostgreSQL %.2f, node JVMs %.2f, ffprobe + watchdog %.2f, driver %.2f, "
                        + "other work on the host %.2f (load average %.2f); server CPU per upload %.1f ms", cores(cpu.postgres()),
                        cores(cpu.nodes()), cores(cpu.nodeChildren()), cores(cpu.driver()), cores(cpu.other()), loadAverage,
                        serverCpuMsPerUpload());
    }

    /** One JSON object on one line. */
    String json() {
        String errorsJson = errors.entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        return String.format(Locale.ROOT, "{\"bench\":\"cluster-throughput\",\"setup\":\"%s\",\"label\":\"%s\",\"nodes\":%d,"
                        + "\"database\":\"%s\",\"round\":%d,\"clients\":%d,\"sizeBytes\":%d,\"warmupSeconds\":%d,\"durationSeconds\":%d,"
                        + "\"synchronousCommit\":\"%s\",\"uploads\":%d,\"warmupUploads\":%d,\"uploadsPerSecond\":%.2f,"
                        + "\"uploadP50Ms\":%.2f,\"uploadP99Ms\":%.2f,\"uploadMaxMs\":%.2f,"
                        + "\"applyP50Ms\":%.2f,\"putP50Ms\":%.2f,\"commitP50Ms\":%.2f,\"commitP99Ms\":%.2f,\"eventsPerSecond\":%.2f,"
                        + "\"delayP50Ms\":%.2f,\"delayP99Ms\":%.2f,\"delayMaxMs\":%.2f,\"early\":%d,\"committed\":%d,\"notified\":%d,"
                        + "\"missing\":%d,\"duplicates\":%d,\"conflicting\":%d,\"unexpected\":%d,\"otherEvents\":%d,\"malformed\":%d,"
                        + "\"repeatedFileIds\":%d,\"errors\":%s,\"outbox\":%d,\"delivered\":%d,\"otherDeliveries\":%d,\"retries\":%d,"
                        + "\"drainSeconds\":%.2f,\"coresPostgres\":%.3f,\"coresNodes\":%.3f,\"coresFfprobe\":%.3f,\"coresDriver\":%.3f,"
                        + "\"coresOther\":%.3f,\"serverCpuMsPerUpload\":%.2f,\"loadAverage\":%.2f,\"correct\":%s}",
                setup.letter(), setup.label(), setup.nodes(), setup.database().name().toLowerCase(Locale.ROOT), round, options.clients(),
                options.sizeBytes(), options.warmupSeconds(), options.durationSeconds(), options.synchronousCommit(), uploads,
                warmupUploads, uploadsPerSecond(), uploadMs(50), uploadMs(99), latencies.upload().max() / 1e6,
                ms(latencies.apply(), 50), ms(latencies.put(), 50), ms(latencies.commit(), 50), ms(latencies.commit(), 99), eventsPerSecond(),
                delayMs(50), delayMs(99), audit.delays().max() / 1e6, audit.early(), audit.committed(), audit.notified(),
                audit.missing(), audit.duplicates(), audit.conflicting(), audit.unexpected(), audit.otherEvents(), malformed,
                repeatedFileIds, errorsJson, deliveries.outbox(), deliveries.delivered(), deliveries.other(), deliveries.retries(),
                drainSeconds, cores(cpu.postgres()), cores(cpu.nodes()), cores(cpu.nodeChildren()), cores(cpu.driver()),
                cores(cpu.other()), serverCpuMsPerUpload(), loadAverage, correct());
    }
}
