package io.openvod.bench.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The merged results of one load run.
 *
 * @param options     what was run
 * @param latencies   the good responses' latencies, in nanoseconds
 * @param ok          good responses in the measured period
 * @param bad         bad responses (or broken connections) in the measured period
 * @param warmupOk    good responses during the warm-up
 * @param warmupBad   bad responses during the warm-up
 * @param okPerSecond good responses that finished in each second of the measured period
 * @param firstError  the first bad response or error seen, if any
 */
record LoadResult(LoadOptions options, LatencyHistogram latencies, long ok, long bad, long warmupOk, long warmupBad,
                  long[] okPerSecond, String firstError) {

    static LoadResult merge(LoadOptions options, List<LoadWorker> workers) {
        LatencyHistogram latencies = new LatencyHistogram();
        long[] perSecond = new long[options.durationSeconds()];
        long ok = 0;
        long bad = 0;
        long warmupOk = 0;
        long warmupBad = 0;
        String firstError = null;
        for (LoadWorker w : workers) {
            latencies.add(w.latencies);
            ok += w.ok;
            bad += w.bad;
            warmupOk += w.warmupOk;
            warmupBad += w.warmupBad;
            for (int s = 0; s < perSecond.length; s++) {
                perSecond[s] += w.okPerSecond[s];
            }
            if (firstError == null) {
                firstError = w.firstError;
            }
        }
        return new LoadResult(options, latencies, ok, bad, warmupOk, warmupBad, perSecond, firstError);
    }

    double requestsPerSecond() {
        return (double) ok / options.durationSeconds();
    }

    /** Human-readable lines. */
    String summary() {
        String label = "[" + options.label() + "] ";
        StringBuilder s = new StringBuilder()
                .append(label).append(String.format(Locale.ROOT,
                        "%.1f requests/s (%d good in %d s, %d bad; warm-up %d good, %d bad)%n",
                        requestsPerSecond(), ok, options.durationSeconds(), bad, warmupOk, warmupBad))
                .append(label).append(String.format(Locale.ROOT, "latency ms: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n",
                        millis(latencies.percentile(50)), millis(latencies.percentile(90)),
                        millis(latencies.percentile(99)), millis(latencies.max())))
                .append(label).append("good per second: ").append(Arrays.stream(okPerSecond)
                        .mapToObj(Long::toString).collect(Collectors.joining(" ")));
        if (firstError != null) {
            s.append(System.lineSeparator()).append(label).append("first bad response: ").append(firstError);
        }
        return s.toString();
    }

    /** One JSON object on one line; {@code okPerSecond} comes last. */
    String json() {
        return String.format(Locale.ROOT, "{\"label\":%s,\"url\":%s,\"concurrency\":%d,\"warmupSeconds\":%d,"
                        + "\"durationSeconds\":%d,\"ok\":%d,\"bad\":%d,\"warmupOk\":%d,\"warmupBad\":%d,"
                        + "\"requestsPerSecond\":%.1f,\"p50Ms\":%.3f,\"p90Ms\":%.3f,\"p99Ms\":%.3f,\"maxMs\":%.3f,"
                        + "\"firstError\":%s,\"okPerSecond\":[%s]}",
                string(options.label()), string(options.url().toString()), options.concurrency(), options.warmupSeconds(),
                options.durationSeconds(), ok, bad, warmupOk, warmupBad, requestsPerSecond(),
                millis(latencies.percentile(50)), millis(latencies.percentile(90)), millis(latencies.percentile(99)),
                millis(latencies.max()), firstError == null ? "null" : string(firstError),
                Arrays.stream(okPerSecond).mapToObj(Long::toString).collect(Collectors.joining(",")));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static String string(String text) {
        StringBuilder s = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
