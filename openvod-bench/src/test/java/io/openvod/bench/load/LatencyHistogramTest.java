package io.openvod.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void bucketsAreContiguousAndWithinOneSubBucketOfTheValue() {
        for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 1_234_567, 987_654_321_000L, Long.MAX_VALUE}) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.highestInBucket(i)).isGreaterThanOrEqualTo(v);
            assertThat(i == 0 || LatencyHistogram.highestInBucket(i - 1) < v).isTrue();
            assertThat((double) LatencyHistogram.highestInBucket(i) - v).isLessThanOrEqualTo(v / 128.0);
        }
    }

    @Test
    void percentilesOfOneToTenThousandMicroseconds() {
        LatencyHistogram h = new LatencyHistogram();
        for (long us = 1; us <= 10_000; us++) {
            h.record(us * 1_000);
        }
        assertThat(h.count()).isEqualTo(10_000);
        assertThat(h.max()).isEqualTo(10_000_000);
        assertThat((double) h.percentile(50)).isCloseTo(5_000_000, within(5_000_000 / 100.0));
        assertThat((double) h.percentile(99)).isCloseTo(9_900_000, within(9_900_000 / 100.0));
        assertThat(h.percentile(100)).isEqualTo(10_000_000);
    }

    @Test
    void mergingAddsCountsAndKeepsTheMax() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(1_000_000);
        b.record(-5);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.max()).isEqualTo(1_000_000);
        assertThat(a.percentile(1)).isZero();
        assertThat(new LatencyHistogram().percentile(99)).isZero();
    }
}
