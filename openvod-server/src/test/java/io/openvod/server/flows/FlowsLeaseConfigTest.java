package io.openvod.server.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.config.FlowsConfig;
import io.openvod.server.config.ConfigException;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code platform.flows.lease}: its default, a setting, the heartbeat derived from it and the shortest lease. */
class FlowsLeaseConfigTest {
    private static FlowsConfig flows(Map<String, String> env, String... overrides) {
        return new ConfigLoader().load(new ConfigSources(Optional.empty(), env, List.of(overrides))).platform().flows();
    }

    @Test
    void theDefaultLeaseIsAMinuteRenewedEveryTenSeconds() {
        FlowsConfig flows = flows(Map.of());
        assertThat(flows).isEqualTo(FlowsConfig.defaults());
        assertThat(flows.lease()).isEqualTo(Duration.ofSeconds(60));
        assertThat(flows.heartbeat()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aLeaseIsSetLikeAnyKeyAndItsHeartbeatIsASixthButAtLeastASecond() {
        assertThat(flows(Map.of(), "platform.flows.lease=2m").heartbeat()).isEqualTo(Duration.ofSeconds(20));
        FlowsConfig shortest = flows(Map.of("OPENVOD_PLATFORM_FLOWS_LEASE", "3s"));
        assertThat(shortest.lease()).isEqualTo(Duration.ofSeconds(3));
        assertThat(shortest.heartbeat()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aLeaseShorterThanThreeSecondsIsRefused() {
        assertThatThrownBy(() -> flows(Map.of(), "platform.flows.lease=2s")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lease");
    }

    @Test
    void theLongestMediaProcessedIsSixHoursUnlessSet() {
        assertThat(flows(Map.of()).maxDuration()).isEqualTo(Duration.ofHours(6));
        assertThat(flows(Map.of(), "platform.flows.maxDuration=30m").maxDuration()).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> flows(Map.of(), "platform.flows.maxDuration=0s")).isInstanceOf(ConfigException.class);
    }

    @Test
    void anApplicationMayHaveItsOwnLongestMedia(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(flows(Map.of()).maxDurationByApp()).isEmpty();
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("openvod.yaml"),
                "platform:\n  flows:\n    maxDurationByApp: {1500000001: 30m}\n");
        assertThat(fromFile(file).maxDurationByApp()).containsExactly(Map.entry(1_500_000_001L, Duration.ofMinutes(30)));
        java.nio.file.Files.writeString(file, "platform:\n  flows:\n    maxDurationByApp: {1500000001: 0s}\n");
        assertThatThrownBy(() -> fromFile(file)).isInstanceOf(ConfigException.class).hasMessageContaining("maxDurationByApp");
    }

    private static FlowsConfig fromFile(java.nio.file.Path file) {
        return new ConfigLoader().load(new ConfigSources(Optional.of(file), Map.of(), List.of())).platform().flows();
    }

    @Test
    void tasksKeepTheirTemporaryFilesNextToTheObjectsUnlessATempDirIsSet() {
        assertThat(flows(Map.of()).workRoot(java.nio.file.Path.of("/data/.openvod/objects")))
                .isEqualTo(java.nio.file.Path.of("/data/.openvod/tmp"));
        assertThat(flows(Map.of(), "platform.flows.tempDir=/scratch/openvod").workRoot(java.nio.file.Path.of("/data/objects")))
                .isEqualTo(java.nio.file.Path.of("/scratch/openvod"));
    }
}
