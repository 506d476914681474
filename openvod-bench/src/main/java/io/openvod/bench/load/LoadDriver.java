package io.openvod.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A closed-loop HTTP load driver: {@code --concurrency} workers, each on its own keep-alive
 * connection, send {@code GET --url} back to back for {@code --warmup} seconds (discarded) and
 * then {@code --duration} seconds (measured), and stop by themselves. It prints the good
 * responses per second, the latency percentiles p50/p90/p99 and the maximum, and the number of
 * bad responses — a status other than 200, a body without the {@code --expect} text, or a broken
 * connection — which never count as throughput. See {@link LoadOptions#USAGE}.
 *
 * <p>Why plain sockets rather than {@link java.net.http.HttpClient}: the driver shares the
 * machine's cores with the server it measures, so every microsecond it spends per request is
 * taken from the server. The JDK client runs each exchange through its selector thread,
 * executor hand-offs and {@code CompletableFuture}s and allocates header maps and body
 * subscribers; a worker that writes one pre-encoded request and parses the response in place
 * (like {@code wrk}) costs a fraction of that. The workers are platform threads: a blocking read
 * is then a plain system call, without the virtual-thread scheduler's park/unpark and poller
 * hand-offs, and a few dozen threads cost nothing.
 */
public final class LoadDriver {
    private static final long NANOS = 1_000_000_000L;

    private LoadDriver() {
    }

    public static void main(String[] args) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadDriver: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadResult result = run(options);
        PrintStream summary = options.json() ? System.err : System.out;
        summary.println(result.summary());
        if (options.json()) {
            System.out.println(result.json());
        }
        System.out.flush();
        System.exit(result.ok() > 0 ? 0 : 1);
    }

    /** Runs the load and returns its results; returns within warm-up + duration + timeout + 2 s. */
    static LoadResult run(LoadOptions options) throws InterruptedException {
        long start = System.nanoTime();
        long measureStart = start + options.warmupSeconds() * NANOS;
        long end = measureStart + options.durationSeconds() * NANOS;
        System.err.printf(Locale.ROOT, "[%s] %d connections, %d s warm-up + %d s measured: GET %s%n",
                options.label(), options.concurrency(), options.warmupSeconds(), options.durationSeconds(), options.url());
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.concurrency(); i++) {
            byte[] request = HttpConnection.getRequest(options.url().getHost(), options.port(), options.pathAndQuery(),
                    options.headersOf(i));
            LoadWorker worker = new LoadWorker(options, request, measureStart, end);
            workers.add(worker);
            threads.add(Thread.ofPlatform().daemon().name("load-" + i).start(worker));
        }
        // A request in flight at the end may wait up to the read timeout; past that, close the sockets.
        long deadline = end + options.timeoutSeconds() * NANOS + NANOS;
        for (Thread t : threads) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
            t.join(left);
        }
        for (int i = 0; i < threads.size(); i++) {
            if (threads.get(i).isAlive()) {
                workers.get(i).abort();
                threads.get(i).join(1_000);
            }
        }
        return LoadResult.merge(options, workers);
    }
}
