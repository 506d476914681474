package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The backoff between attempts, and when an event is dead-lettered; secrets that are refused. */
class RetryScheduleTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void delaysDoubleFromTheFirstRetryUpToAnHourWithEqualJitter() {
        RetrySchedule lowest = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(24), 20, bound -> 0);
        RetrySchedule highest = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(24), 20, bound -> bound - 1);
        assertThat(lowest.baseDelayMillis(1)).isEqualTo(5_000);
        assertThat(lowest.baseDelayMillis(2)).isEqualTo(10_000);
        assertThat(lowest.baseDelayMillis(4)).isEqualTo(40_000);
        assertThat(lowest.baseDelayMillis(11)).isEqualTo(HOUR);
        assertThat(lowest.baseDelayMillis(19)).isEqualTo(HOUR);
        assertThat(lowest.nextAttemptAt(1, 0, 1_000).getAsLong()).isEqualTo(1_000 + 2_500);
        assertThat(highest.nextAttemptAt(1, 0, 1_000).getAsLong()).isEqualTo(1_000 + 5_000);
        assertThat(highest.nextAttemptAt(12, 0, 0).getAsLong()).isEqualTo(HOUR);
    }

    @Test
    void anEventIsDeadAfterMaxAttemptsOrPastTheWindow() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(24), 20, bound -> bound - 1);
        assertThat(schedule.nextAttemptAt(19, 0, 1_000)).isPresent();
        assertThat(schedule.nextAttemptAt(20, 0, 1_000)).isEmpty();
        assertThat(schedule.nextAttemptAt(5, 0, 24 * HOUR - 80_001)).isPresent();
        assertThat(schedule.nextAttemptAt(5, 0, 24 * HOUR - 79_999)).isEmpty();
    }

    @Test
    void theDefaultScheduleEndsByMaxAttemptsWithinTheWindow() {
        for (long jitter : new long[] {0, -1}) {
            RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(24), 20,
                    bound -> jitter == 0 ? 0 : bound - 1);
            long now = 0;
            int attempts = 1;
            while (schedule.nextAttemptAt(attempts, 0, now).isPresent()) {
                now = schedule.nextAttemptAt(attempts, 0, now).getAsLong();
                attempts++;
            }
            assertThat(attempts).isEqualTo(20);
            assertThat(now).isBetween(5 * HOUR, 11 * HOUR);
        }
    }
}
