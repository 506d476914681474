package io.openvod.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.ConfigError;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code app.http.metricsToken} and {@code platform.http.metricsToken}: none by default, loaded from every source, never printed. */
class MetricsTokenConfigTest {
    private static final String APP_TOKEN = TestSecrets.remember("app-metrics-token-2d9f41c8");
    private static final String PLATFORM_TOKEN = TestSecrets.remember("platform-metrics-token-71be03a5");

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private OpenVodConfig load(String yaml, Map<String, String> env, String... overrides) throws IOException {
        Optional<Path> file = Optional.empty();
        if (yaml != null) {
            file = Optional.of(Files.writeString(dir.resolve("openvod.yaml"), yaml));
        }
        return loader.load(new ConfigSources(file, env, List.of(overrides)));
    }

    @Test
    void byDefaultNoTokenIsSet() throws IOException {
        OpenVodConfig c = load(null, Map.of());
        assertThat(c.app().http().metricsTokenIfAny()).isEmpty();
        assertThat(c.platform().http().metricsTokenIfAny()).isEmpty();
    }

    @Test
    void tokensLoadFromTheEnvironmentAndFlagsButNeverShowWhenPrinted() throws IOException {
        OpenVodConfig c = load(null, Map.of("OPENVOD_APP_HTTP_METRICS_TOKEN", APP_TOKEN),
                "platform.http.metricsToken=" + PLATFORM_TOKEN);
        assertThat(c.app().http().metricsTokenIfAny().orElseThrow().reveal()).isEqualTo(APP_TOKEN);
        assertThat(c.platform().http().metricsTokenIfAny().orElseThrow().reveal()).isEqualTo(PLATFORM_TOKEN);
        String printed = ConfigPrinter.toYaml(c);
        assertThat(printed).containsPattern("metricsToken: ['\"]\\*{4}['\"]").doesNotContain(APP_TOKEN).doesNotContain(PLATFORM_TOKEN);
        assertThat(c.toString()).doesNotContain(APP_TOKEN).doesNotContain(PLATFORM_TOKEN);
    }

    @Test
    void anEmptyTokenIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> load(null, Map.of(), "app.http.metricsToken="))
                .satisfies(e -> assertThat(((ConfigException) e).errorCode()).isEqualTo(ConfigError.CONFIG_INVALID_VALUE));
    }
}
