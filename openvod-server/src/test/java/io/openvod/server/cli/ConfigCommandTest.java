package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void showShouldPrintTheEffectiveConfigurationWithSecretsRedacted() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yaml"), "keys:\n  - secretId: AKIDshow\n    secretKey: do-not-print-me\n");
        CliRun r = CliRun.run(Map.of("OPENVOD_SIGNATURE_CLOCK_SKEW", "30s"), "", "--config", config.toString(),
                "config", "show", "--set", "logging.level=warn");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("clockSkew: 30s").contains("level: warn").contains("AKIDshow").contains("****")
                .doesNotContain("do-not-print-me");
    }

    @Test
    void theDatabasesPasswordsAreRedactedAndTheirPoolSizesChecked() {
        CliRun r = CliRun.run(Map.of("OPENVOD_PLATFORM_DATABASE_PASSWORD", "platform-db-password-x1",
                "OPENVOD_APP_DATABASE_PASSWORD", "app-db-password-x2"), "", "config", "show",
                "--set", "platform.databaseUrl=jdbc:postgresql://db.internal:5432/openvod_platform",
                "--set", "platform.databaseUsername=openvod_platform", "--set", "platform.databasePoolSize=20");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("databaseUrl: jdbc:postgresql://db.internal:5432/openvod_platform")
                .contains("databaseUsername: openvod_platform").contains("databasePoolSize: 20")
                .doesNotContain("platform-db-password-x1").doesNotContain("app-db-password-x2");

        CliRun tooSmall = CliRun.run("config", "show", "--set", "platform.databasePoolSize=1");
        assertThat(tooSmall.status()).isEqualTo(2);
        assertThat(tooSmall.err()).contains("CONFIG_INVALID_VALUE").contains("databasePoolSize 1");
        CliRun mysql = CliRun.run("config", "show", "--set", "platform.databaseUrl=jdbc:mysql://db/openvod");
        assertThat(mysql.status()).isEqualTo(2);
        assertThat(mysql.err()).contains("only SQLite (jdbc:sqlite:...) and PostgreSQL (jdbc:postgresql:...) are supported");
    }

    @Test
    void badConfigurationShouldExitWithItsCode() {
        CliRun r = CliRun.run(Map.of("OPENVOD_NOPE", "1"), "", "config", "show");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: CONFIG_UNKNOWN_KEY: environment variable OPENVOD_NOPE");
    }

    @Test
    void envShouldListEveryVariable() {
        assertThat(CliRun.run("config", "env").out()).contains("OPENVOD_LOGGING_LEVEL").contains("OPENVOD_SIGNATURE_MAX_VALIDITY");
    }

    @Test
    void helpShouldListTheSubcommands() {
        CliRun r = CliRun.run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("signature").contains("config").contains("test");
    }
}
