package io.openvod.bench.cluster;

import io.openvod.bench.load.LatencyHistogram;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One client in a closed loop: whole uploads back to back until the end of the load, the first
 * request of each on the node after the last one's first (so one client's uploads start on each
 * node in turn, and the clients start on different nodes). A commit answered within the measured
 * period {@code [measureStart, end)} counts, with its latency from signing to the commit's answer
 * and the time of each of its requests; every committed FileId goes into {@code commits} with the
 * time its commit answered, for the event audit. Failures are counted by what failed, over the
 * whole run. Not thread-safe: read the fields once the thread has ended.
 */
final class UploadWorker implements Runnable {
    private final UploadClient client;
    private final int index;
    private final long measureStart;
    private final long end;
    private final ConcurrentMap<String, Long> commits;

    final LatencyHistogram latencies = new LatencyHistogram();
    final LatencyHistogram applies = new LatencyHistogram();
    final LatencyHistogram puts = new LatencyHistogram();
    final LatencyHistogram commitTimes = new LatencyHistogram();
    final Map<String, Integer> errors = new TreeMap<>();
    long measured;
    long warmup;
    /** Commits that answered a FileId an earlier commit had answered. */
    long repeatedFileIds;

    UploadWorker(UploadClient client, int index, long measureStart, long end, ConcurrentMap<String, Long> commits) {
        this.client = client;
        this.index = index;
        this.measureStart = measureStart;
        this.end = end;
        this.commits = commits;
    }

    @Override
    public void run() {
        int first = index;
        while (System.nanoTime() - end < 0) {
            long started = System.nanoTime();
            try {
                UploadClient.Upload upload = client.upload(first);
                long answered = System.nanoTime();
                if (commits.putIfAbsent(upload.fileId(), answered) != null) {
                    repeatedFileIds++;
                }
                if (answered - measureStart < 0) {
                    warmup++;
                } else if (answered - end < 0) {
                    measured++;
                    latencies.record(answered - started);
                    applies.record(upload.apply());
                    puts.record(upload.put());
                    commitTimes.record(upload.commit());
                }
            } catch (UploadClient.UploadFailure e) {
                errors.merge(e.getMessage(), 1, Integer::sum);
            } catch (RuntimeException e) {
                errors.merge("client error " + e.getClass().getSimpleName(), 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            first++;
        }
    }
}
