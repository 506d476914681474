package io.openvod.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void idsShouldBeVersion7VariantRfcAndCarryTheirMillisecond() {
        long ms = 1_795_951_205_123L;
        UUID id = UUID.fromString(TimeOrderedIds.next(ms));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(ms);
    }

    @Test
    void idsShouldSortByTimeAndNotRepeat() {
        Set<String> seen = new HashSet<>();
        String previous = TimeOrderedIds.next(1_000L);
        for (long ms = 1_001L; ms < 3_000L; ms++) {
            String id = TimeOrderedIds.next(ms);
            assertThat(id).isGreaterThan(previous);
            assertThat(seen.add(id)).isTrue();
            previous = id;
        }
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(TimeOrderedIds.next(5_000L))).isTrue();
        }
    }
}
