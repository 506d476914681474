package io.openvod.bench.cluster;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The medians over the rounds of each configuration, and the ratios between configurations. */
final class Summary {
    private Summary() {
    }

    /** The median of {@code values} (the mean of the middle two for an even count); NaN when there are none. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The median over the runs of {@code setup} of {@code metric}. */
    static double median(List<RunResult> results, Setup setup, ToDoubleFunction<RunResult> metric) {
        return median(results.stream().filter(r -> r.setup() == setup).map(r -> metric.applyAsDouble(r)).toList());
    }

    /** {@code a / b}, or NaN when either is missing or {@code b} is 0. */
    static double ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? Double.NaN : a / b;
    }

    /** The table of medians, the correctness totals, and the ratios b/a and c/b where both were measured. */
    static String table(List<RunResult> results, List<Setup> setups) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %5s %10s %9s %9s %9s %9s %9s | %6s %6s %6s %6s %6s %8s | %6s %7s %5s %5s%n",
                "configuration", "runs", "uploads/s", "p50 ms", "p99 ms", "events/s", "evt p50", "evt p99",
                "pg", "nodes", "probe", "driver", "other", "ms/upl", "errors", "missing", "dup", "ok"));
        for (Setup s : setups) {
            List<RunResult> runs = results.stream().filter(r -> r.setup() == s).toList();
            if (runs.isEmpty()) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-22s %5d %10.1f %9.1f %9.1f %9.1f %9.1f %9.1f | %6.2f %6.2f %6.2f %6.2f %6.2f %8.1f | %6d %7d %5d %5s%n",
                    s.letter() + " " + s.label(), runs.size(), median(results, s, RunResult::uploadsPerSecond),
                    median(results, s, r -> r.uploadMs(50)), median(results, s, r -> r.uploadMs(99)),
                    median(results, s, RunResult::eventsPerSecond), median(results, s, r -> r.delayMs(50)),
                    median(results, s, r -> r.delayMs(99)), median(results, s, r -> r.cores(r.cpu().postgres())),
                    median(results, s, r -> r.cores(r.cpu().nodes())), median(results, s, r -> r.cores(r.cpu().nodeChildren())),
                    median(results, s, r -> r.cores(r.cpu().driver())), median(results, s, r -> r.cores(r.cpu().other())),
                    median(results, s, RunResult::serverCpuMsPerUpload),
                    runs.stream().mapToInt(RunResult::errorCount).sum(), runs.stream().mapToInt(r -> r.audit().missing()).sum(),
                    runs.stream().mapToInt(r -> r.audit().duplicates() + r.audit().conflicting()).sum(),
                    runs.stream().allMatch(RunResult::correct) ? "yes" : "NO"));
        }
        out.append("(medians over the rounds; p50/p99: sign -> commit answer; evt: commit answer -> event at the sink; "
                + "pg .. other: CPU cores used during the measured period; ms/upl: CPU ms of pg + nodes + probe per upload)").append(System.lineSeparator());
        appendRatio(out, results, setups, Setup.B, Setup.A);
        appendRatio(out, results, setups, Setup.C, Setup.B);
        return out.toString();
    }

    private static void appendRatio(StringBuilder out, List<RunResult> results, List<Setup> setups, Setup top, Setup bottom) {
        if (!setups.contains(top) || !setups.contains(bottom)) {
            return;
        }
        out.append(String.format(Locale.ROOT, "ratio %s/%s (%s / %s): uploads/s %.3f, events/s %.3f, upload p50 %.3f, upload p99 %.3f, "
                        + "event delay p50 %.3f, server CPU per upload %.3f%n", top.letter(), bottom.letter(), top.label(), bottom.label(),
                ratioOfMedians(results, top, bottom, RunResult::uploadsPerSecond),
                ratioOfMedians(results, top, bottom, RunResult::eventsPerSecond),
                ratioOfMedians(results, top, bottom, r -> r.uploadMs(50)),
                ratioOfMedians(results, top, bottom, r -> r.uploadMs(99)),
                ratioOfMedians(results, top, bottom, r -> r.delayMs(50)),
                ratioOfMedians(results, top, bottom, RunResult::serverCpuMsPerUpload)));
    }

    /** The ratio of the medians of {@code metric} over the runs of {@code top} and of {@code bottom}. */
    static double ratioOfMedians(List<RunResult> results, Setup top, Setup bottom, ToDoubleFunction<RunResult> metric) {
        return ratio(median(results, top, metric), median(results, bottom, metric));
    }
}
