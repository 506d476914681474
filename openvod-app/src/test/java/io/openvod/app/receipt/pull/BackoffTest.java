package io.openvod.app.receipt.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromOneSecondUpToAMinuteWithJitter() {
        Backoff backoff = Backoff.DEFAULT;
        assertThat(backoff.delay(1, () -> 0.999999)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(1, () -> 0)).isEqualTo(Duration.ofMillis(750));
        assertThat(backoff.delay(2, () -> 0.999999)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delay(6, () -> 0.999999)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.delay(7, () -> 0.999999)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(1000, () -> 0.999999)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delay(1000, () -> 0)).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void refusesAnEmptyOrInvertedRange() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
