package io.openvod.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.ConfigError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    private OpenVodConfig load(String yaml, Map<String, String> env, String... overrides) throws IOException {
        Optional<Path> file = Optional.empty();
        if (yaml != null) {
            Path f = dir.resolve("openvod.yaml");
            Files.writeString(f, yaml);
            file = Optional.of(f);
        }
        return loader.load(new ConfigSources(file, env, List.of(overrides)));
    }

    private static ConfigError codeOf(Throwable t) {
        return (ConfigError) ((ConfigException) t).errorCode();
    }

    @Test
    void defaultsShouldApplyWithNoFileNoEnvironmentAndNoFlags() throws IOException {
        OpenVodConfig c = load(null, Map.of());
        assertThat(c.logging().level()).isEqualTo("info");
        assertThat(c.signature().clockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.signature().maxValidity()).isEqualTo(Duration.ofDays(90));
        assertThat(c.signature().maxLength()).isEqualTo(32768);
        assertThat(c.keys()).isEmpty();
    }

    @Test
    void laterSourcesShouldWinFileThenEnvironmentThenFlags() throws IOException {
        String yaml = "logging:\n  level: warn\nsignature:\n  clockSkew: 1m\n  maxLength: 4096\n";
        OpenVodConfig c = load(yaml, Map.of("OPENVOD_SIGNATURE_CLOCK_SKEW", "2m", "OPENVOD_LOGGING_LEVEL", "debug"),
                "logging.level=error");
        assertThat(c.signature().maxLength()).isEqualTo(4096);
        assertThat(c.signature().clockSkew()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.logging().level()).isEqualTo("error");
        assertThat(c.signature().maxValidity()).isEqualTo(Duration.ofDays(90));
    }

    @Test
    void unknownKeyInFileShouldFailNamingThePathAndTheKnownKeys() {
        assertThatThrownBy(() -> load("signature:\n  clockSkw: 1m\n", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("signature.clockSkw")
                .hasMessageContaining("clockSkew")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNKNOWN_KEY));
    }

    @Test
    void unknownTopLevelSectionShouldFail() {
        assertThatThrownBy(() -> load("storage:\n  dir: /tmp\n", Map.of()))
                .hasMessageContaining("storage")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNKNOWN_KEY));
    }

    @Test
    void unknownOpenVodEnvironmentVariableShouldFailButOtherVariablesAreIgnored() throws IOException {
        assertThat(load(null, Map.of("PATH", "/bin", "OPENVOD_SECRET_KEY", "k", "OPENVOD_CONFIG", "x")).logging().level())
                .isEqualTo("info");
        assertThatThrownBy(() -> load(null, Map.of("OPENVOD_SIGNATURE_CLOCKSKEW", "1m")))
                .hasMessageContaining("OPENVOD_SIGNATURE_CLOCKSKEW")
                .hasMessageContaining("OPENVOD_SIGNATURE_CLOCK_SKEW")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNKNOWN_KEY));
    }

    @Test
    void unknownOrMalformedSetFlagShouldFail() {
        assertThatThrownBy(() -> load(null, Map.of(), "signature.nope=1"))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNKNOWN_KEY));
        assertThatThrownBy(() -> load(null, Map.of(), "logging.level"))
                .hasMessageContaining("path=value")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_INVALID_VALUE));
    }

    @Test
    void badValuesShouldFailWithThePathAndTheReason() {
        assertThatThrownBy(() -> load(null, Map.of(), "signature.clockSkew=soon"))
                .hasMessageContaining("signature.clockSkew").hasMessageContaining("not a duration");
        assertThatThrownBy(() -> load(null, Map.of(), "signature.maxValidity=91d"))
                .hasMessageContaining("maxValidity 91d is outside");
        assertThatThrownBy(() -> load(null, Map.of(), "signature.maxLength=lots"))
                .hasMessageContaining("signature.maxLength")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_INVALID_VALUE));
        assertThatThrownBy(() -> load(null, Map.of(), "logging.level=loud"))
                .hasMessageContaining("loud");
    }

    @Test
    void invalidYamlAndMissingFileShouldBeUnreadable() {
        assertThatThrownBy(() -> load("logging: [unclosed\n", Map.of()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNREADABLE))
                .hasMessageContaining("line");
        assertThatThrownBy(() -> load("logging:\n  level: info\nlogging:\n  level: warn\n", Map.of()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNREADABLE));
        assertThatThrownBy(() -> loader.load(new ConfigSources(Optional.of(dir.resolve("absent.yaml")), Map.of(), List.of())))
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_UNREADABLE));
    }

    @Test
    void emptyFileShouldMeanDefaults() throws IOException {
        assertThat(load("", Map.of())).isEqualTo(loader.defaultsOnly());
    }

    @Test
    void keysShouldLoadAndNeverShowTheirSecretInToStringOrErrors() throws IOException {
        String yaml = "keys:\n  - secretId: AKIDone\n    secretKey: super-secret-value-1\n";
        OpenVodConfig c = load(yaml, Map.of());
        assertThat(c.key("AKIDone")).get().satisfies(k -> assertThat(k.secretKey().reveal()).isEqualTo("super-secret-value-1"));
        assertThat(c.toString()).contains("AKIDone").doesNotContain("super-secret-value-1");
        assertThat(ConfigPrinter.toYaml(c)).contains("AKIDone").contains("****").doesNotContain("super-secret-value-1");

        String duplicate = yaml + "  - secretId: AKIDone\n    secretKey: super-secret-value-2\n";
        assertThatThrownBy(() -> load(duplicate, Map.of()))
                .hasMessageContaining("listed twice").hasMessageNotContaining("super-secret-value");
        assertThatThrownBy(() -> load("keys:\n  - secretId: AKIDtwo\n    secretKey: 5\n    extra: super-secret-value-3\n", Map.of()))
                .hasMessageContaining("keys[0].extra").hasMessageNotContaining("super-secret-value-3");
        assertThatThrownBy(() -> load("keys:\n  - secretId: AKIDtwo\n    secretKey: ''\n", Map.of()))
                .satisfies(e -> assertThat(codeOf(e)).isEqualTo(ConfigError.CONFIG_INVALID_VALUE));
    }

    @Test
    void printedConfigurationShouldReadBackToTheSameValues() throws IOException {
        OpenVodConfig c = load("signature:\n  clockSkew: 90s\n  maxValidity: 2h\n", Map.of());
        OpenVodConfig again = load(ConfigPrinter.toYaml(c), Map.of());
        assertThat(again).isEqualTo(c);
    }

    @Test
    void environmentVariableNamesShouldFollowTheKeyPaths() {
        assertThat(loader.environmentVariables())
                .containsEntry("OPENVOD_SIGNATURE_CLOCK_SKEW", "signature.clockSkew")
                .containsEntry("OPENVOD_LOGGING_LEVEL", "logging.level")
                .doesNotContainKey("OPENVOD_KEYS");
    }

    @Test
    void resolveShouldPreferFlagThenVariableThenWorkingDirectoryFile() throws IOException {
        Path local = Files.writeString(dir.resolve(ConfigSources.DEFAULT_FILE_NAME), "");
        Path explicit = dir.resolve("explicit.yaml");
        assertThat(ConfigSources.resolve(explicit, dir, Map.of("OPENVOD_CONFIG", "/x.yaml"), List.of()).file()).contains(explicit);
        assertThat(ConfigSources.resolve(null, dir, Map.of("OPENVOD_CONFIG", "/x.yaml"), List.of()).file()).contains(Path.of("/x.yaml"));
        assertThat(ConfigSources.resolve(null, dir, Map.of(), List.of()).file()).contains(local);
        assertThat(ConfigSources.resolve(null, dir.resolve("sub"), Map.of(), List.of()).file()).isEmpty();
    }

    @Test
    void jwtAccountMapShouldLoadAndRefuseIdsThatAreNoAccountNames() throws IOException {
        String yaml = """
                app:
                  auth:
                    jwt:
                      enabled: true
                      hs256Secret: shared-secret-of-at-least-32-bytes!!
                      issuer: https://idp.example.com/
                      audience: app
                      accountMap: {sso-ops: ops}
                """;
        assertThat(load(yaml, Map.of()).app().auth().jwt().accountMap()).containsExactly(Map.entry("sso-ops", "ops"));
        assertThat(load(null, Map.of()).app().auth().jwt().accountMap()).isEmpty();
        assertThatThrownBy(() -> load(yaml.replace("{sso-ops: ops}", "{sso-ops: 'jwt:ops'}"), Map.of()))
                .hasMessageContaining("accountMap.sso-ops must name a built-in account id");
    }
}
