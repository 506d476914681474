package io.openvod.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void parseShouldAcceptEveryUnitAndIso() {
        assertThat(DurationText.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationText.parse(" 10m ")).isEqualTo(Duration.ofMinutes(10));
        assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("4d")).isEqualTo(Duration.ofDays(4));
        assertThat(DurationText.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void parseShouldRefuseBareNumbersAndUnknownUnits() {
        for (String bad : new String[] {"10", "10 minutes", "-5s", "", "P", "1w", "99999999999999s"}) {
            assertThatThrownBy(() -> DurationText.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a duration");
        }
    }

    @Test
    void formatShouldPickTheLargestExactUnitAndRoundTrip() {
        assertThat(DurationText.format(Duration.ofDays(90))).isEqualTo("90d");
        assertThat(DurationText.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(DurationText.format(Duration.ofSeconds(86300))).isEqualTo("86300s");
        assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(DurationText.format(Duration.ZERO)).isEqualTo("0s");
        for (Duration d : new Duration[] {Duration.ofMillis(7), Duration.ofHours(49), Duration.ofSeconds(61)}) {
            assertThat(DurationText.parse(DurationText.format(d))).isEqualTo(d);
        }
    }
}
