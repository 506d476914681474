package io.openvod.app.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HookForwarderRetryTest {
    @Test
    void retriesWaitTheDoublingBaseDelayPlusUpToAQuarterAtMostAnHourAndAQuarter() {
        for (int i = 0; i < 200; i++) {
            assertThat(HookForwarder.retryDelay(1)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1250));
            assertThat(HookForwarder.retryDelay(2)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
            assertThat(HookForwarder.retryDelay(40)).isBetween(Duration.ofHours(1), Duration.ofMinutes(75));
        }
    }
}
