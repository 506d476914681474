package io.openvod.bench.load;

/**
 * A fixed-size log-linear histogram of latencies in nanoseconds, in the manner of HdrHistogram:
 * each power of two is split into {@value #SUB_BUCKETS} equal buckets, so a value is known to
 * within 1/{@value #SUB_BUCKETS} (< 0.8 %) of itself, and every positive {@code long} fits in
 * 7 296 counters. Recording is one array increment; not thread-safe: one per worker, then
 * {@link #add merged}.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    static final int SUB_BUCKETS = 1 << SUB_BITS;
    private static final int BUCKETS = (63 - SUB_BITS + 1) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max;

    /** Records one latency; negative values count as 0. */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        total++;
        max = Math.max(max, v);
    }

    /** Adds every value recorded in {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        max = Math.max(max, other.max);
    }

    public long count() {
        return total;
    }

    /** The largest value recorded, exactly; 0 when empty. */
    public long max() {
        return max;
    }

    /**
     * The value below or at which {@code percent} % of the recorded values lie, as the upper edge
     * of its bucket (never above {@link #max()}); 0 when empty.
     */
    public long percentile(double percent) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, highestInBucket(i));
            }
        }
        return max;
    }

    /** Values below 128 have a bucket each; above, the leading bit picks the range and the next 7 bits the bucket. */
    static int index(long v) {
        if (v < SUB_BUCKETS) {
            return (int) v;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    static long highestInBucket(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = index / SUB_BUCKETS + SUB_BITS - 1;
        int sub = index % SUB_BUCKETS;
        int shift = exponent - SUB_BITS;
        long lowest = (1L << exponent) + ((long) sub << shift);
        return lowest + (1L << shift) - 1;
    }
}
