package io.openvod.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * One closed-loop client: on its own connection, sends a request, waits for the whole response,
 * checks it, and sends the next, until the end of the run. A request counts when it started after
 * the warm-up and finished before the end; the good ones go into the latency histogram and the
 * per-second counts, the others are counted as bad. A broken connection is a bad response and is
 * reopened, after a short pause so that a server that is down is not hammered.
 */
final class LoadWorker implements Runnable {
    private static final long RECONNECT_PAUSE_NANOS = 20_000_000L;

    private final LoadOptions options;
    private final byte[] request;
    private final byte[] expect;
    private final long measureStart;
    private final long end;

    final LatencyHistogram latencies = new LatencyHistogram();
    final long[] okPerSecond;
    long ok;
    long bad;
    long warmupOk;
    long warmupBad;
    String firstError;
    private volatile HttpConnection connection;

    LoadWorker(LoadOptions options, byte[] request, long measureStart, long end) {
        this.options = options;
        this.request = request;
        this.expect = options.expect().getBytes(StandardCharsets.UTF_8);
        this.measureStart = measureStart;
        this.end = end;
        this.okPerSecond = new long[options.durationSeconds() + 1];
    }

    @Override
    public void run() {
        try {
            loop();
        } finally {
            abort();
        }
    }

    private void loop() {
        while (true) {
            long started = System.nanoTime();
            if (started >= end) {
                return;
            }
            String error = null;
            try {
                HttpConnection c = connection;
                if (c == null) {
                    c = HttpConnection.open(options.url().getHost(), options.port(), options.timeoutSeconds() * 1000);
                    connection = c;
                }
                HttpConnection.Response response = c.exchange(request);
                if (response.status() != 200 || !response.bodyContains(expect)) {
                    error = "HTTP " + response.status() + ": " + excerpt(response.body());
                }
                if (c.closing()) {
                    abort();
                }
            } catch (IOException | RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
                abort();
                LockSupport.parkNanos(Math.min(RECONNECT_PAUSE_NANOS, Math.max(0, end - System.nanoTime())));
            }
            long finished = System.nanoTime();
            count(started, finished, error);
        }
    }

    private void count(long started, long finished, String error) {
        boolean measured = started >= measureStart && finished <= end;
        if (error != null && firstError == null) {
            firstError = error;
        }
        if (!measured) {
            if (started < measureStart) {
                if (error == null) {
                    warmupOk++;
                } else {
                    warmupBad++;
                }
            }
            return;
        }
        if (error != null) {
            bad++;
            return;
        }
        ok++;
        latencies.record(finished - started);
        okPerSecond[(int) ((finished - measureStart) / 1_000_000_000L)]++;
    }

    /** Closes the current connection, if any (also from another thread, to unblock a read at the end). */
    void abort() {
        HttpConnection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8);
        return body.length > 200 ? text + "…" : text;
    }
}
