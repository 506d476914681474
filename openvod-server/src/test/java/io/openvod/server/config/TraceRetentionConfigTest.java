package io.openvod.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.ConfigError;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code tracing.retention}: how long each service keeps the steps it ran, for {@code openvod trace}. */
class TraceRetentionConfigTest {
    private final ConfigLoader loader = new ConfigLoader();

    private OpenVodConfig load(Map<String, String> env, String... overrides) {
        return loader.load(new ConfigSources(Optional.empty(), env, List.of(overrides)));
    }

    @Test
    void stepsAreKeptSevenDaysUnlessConfigured() {
        assertThat(load(Map.of()).tracing().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(load(Map.of()).tracing().tracing().retention()).isEqualTo(Duration.ofDays(7));
        assertThat(load(Map.of(), "tracing.retention=36h").tracing().tracing().retention()).isEqualTo(Duration.ofHours(36));
        assertThat(load(Map.of("OPENVOD_TRACING_RETENTION", "30d")).tracing().retention()).isEqualTo(Duration.ofDays(30));
        assertThat(new TracingSection("", null).retention()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void aRetentionOutsideOneHourToAYearIsRefused() {
        assertThatThrownBy(() -> load(Map.of(), "tracing.retention=10m"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("tracing").hasMessageContaining("retention must be between 1h and 366d")
                .satisfies(e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ConfigError.CONFIG_INVALID_VALUE));
        assertThatThrownBy(() -> load(Map.of(), "tracing.retention=400d")).hasMessageContaining("retention must be between 1h and 366d");
    }
}
