package io.openvod.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final RetryPolicy.Jitter LOWEST = bound -> 0;
    private static final RetryPolicy.Jitter HIGHEST = bound -> bound - 1;

    private static RetryPolicy policy(int maxAttempts, Duration maxElapsed) {
        return new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(2), maxAttempts, maxElapsed, 0.5);
    }

    @Test
    void baseDelaysGrowByTheMultiplierUpToTheCap() {
        RetryPolicy p = policy(100, RetryPolicy.UNLIMITED);
        assertThat(p.baseDelayMillis(1)).isEqualTo(5_000);
        assertThat(p.baseDelayMillis(2)).isEqualTo(10_000);
        assertThat(p.baseDelayMillis(5)).isEqualTo(80_000);
        assertThat(p.baseDelayMillis(6)).isEqualTo(120_000);
        assertThat(p.baseDelayMillis(1_000)).isEqualTo(120_000);
        RetryPolicy slow = new RetryPolicy(Duration.ofSeconds(1), 1.5, Duration.ofSeconds(10), 100, RetryPolicy.UNLIMITED, 0);
        assertThat(slow.baseDelayMillis(3)).isEqualTo(2_250);
    }

    @Test
    void jitterTakesUpToItsShareOffTheBaseDelay() {
        RetryPolicy p = policy(100, RetryPolicy.UNLIMITED);
        assertThat(p.delayMillis(1, LOWEST)).isEqualTo(2_500);
        assertThat(p.delayMillis(1, HIGHEST)).isEqualTo(5_000);
        assertThat(p.delayMillis(2, bound -> bound / 2)).isEqualTo(7_500);
        RetryPolicy none = new RetryPolicy(Duration.ofSeconds(5), 2, Duration.ofMinutes(2), 100, RetryPolicy.UNLIMITED, 0);
        assertThat(none.delayMillis(3, LOWEST)).isEqualTo(20_000);
        assertThat(RetryPolicy.Jitter.fromUnit(() -> 0.999999).next(251)).isEqualTo(250);
        assertThat(RetryPolicy.Jitter.fromUnit(() -> 0).next(251)).isZero();
    }

    @Test
    void givesUpAfterMaxAttemptsOrPastMaxElapsed() {
        RetryPolicy p = policy(4, Duration.ofMinutes(1));
        assertThat(p.nextDelayMillis(3, 0, HIGHEST)).hasValue(20_000);
        assertThat(p.nextDelayMillis(4, 0, HIGHEST)).isEmpty();
        assertThat(p.nextDelayMillis(1, 55_000, HIGHEST)).hasValue(5_000);
        assertThat(p.nextDelayMillis(1, 55_001, HIGHEST)).isEmpty();
        assertThat(p.nextDelayMillis(1, 55_001, LOWEST)).hasValue(2_500);
    }

    @Test
    void thePlannedWaitIsTheSumOfTheBaseDelays() {
        RetryPolicy p = policy(100, RetryPolicy.UNLIMITED);
        assertThat(p.plannedWaitMillis(0)).isZero();
        assertThat(p.plannedWaitMillis(3)).isEqualTo(5_000 + 10_000 + 20_000);
        assertThat(p.plannedWaitMillis(7)).isEqualTo(5_000 + 10_000 + 20_000 + 40_000 + 80_000 + 120_000 + 120_000);
    }

    @Test
    void refusesSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 2, Duration.ofSeconds(1), 1, RetryPolicy.UNLIMITED, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), 2, Duration.ofSeconds(1), 1, RetryPolicy.UNLIMITED, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1), 1, RetryPolicy.UNLIMITED, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 0, RetryPolicy.UNLIMITED, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 2, Duration.ofSeconds(1), 1, RetryPolicy.UNLIMITED, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
