package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openvod keys …} against a real platform database file. */
class KeysCommandTest {
    private static final Pattern SECRET_ID = Pattern.compile("SecretId:\\s+(AKID[A-Za-z0-9]{32})");
    private static final Pattern SECRET_KEY = Pattern.compile("SecretKey:\\s+([A-Za-z0-9]{32})");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onPlatformDatabase(dir, args);
    }

    @Test
    void keysShouldBeMadeListedWithoutSecretsAndRevoked() throws Exception {
        CliRun added = run("keys", "add");
        assertThat(added.status()).isZero();
        Matcher id = SECRET_ID.matcher(added.out());
        Matcher key = SECRET_KEY.matcher(added.out());
        assertThat(id.find()).as(added.out()).isTrue();
        assertThat(key.find()).as(added.out()).isTrue();
        assertThat(added.out()).contains("AppId:     1250000000");

        CliRun other = run("keys", "add", "--app-id", "1300000000");
        assertThat(other.out()).contains("AppId:     1300000000");

        String list = run("keys", "list").out();
        assertThat(list).containsPattern(id.group(1) + "\\s+1250000000\\s+active\\s+stored");
        assertThat(list).contains("1300000000").doesNotContain(key.group(1));

        assertThat(run("keys", "revoke", id.group(1)).out()).contains("revoked " + id.group(1));
        assertThat(run("keys", "list").out()).containsPattern(id.group(1) + "\\s+1250000000\\s+revoked");
        CliRun again = run("keys", "revoke", id.group(1));
        assertThat(again.status()).isEqualTo(4);
        assertThat(again.err()).contains("NOT_FOUND");

        assertThat(Files.readAllBytes(dir.resolve("platform.db")).length).isPositive();
    }

    @Test
    void applicationsShouldBelongToOneAccount() {
        assertThat(run("keys", "add-app", "1500000001").out()).contains("application 1500000001 belongs to account 1250000000");
        CliRun taken = run("keys", "add-app", "1500000001", "--app-id", "1300000000");
        assertThat(taken.status()).isEqualTo(2);
        assertThat(taken.err()).contains("belongs to another account");
        assertThat(run("keys", "add", "--app-id", "0").status()).isEqualTo(2);
    }

    @Test
    void configuredKeysAreListedButNotRevocableHere() throws Exception {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "keys:\n  - secretId: AKIDCONFIGURED0000000000000000000000\n    secretKey: configured-secret-0000000000000\n");
        CliRun list = run("--config", file.toString(), "keys", "list");
        assertThat(list.out()).containsPattern("AKIDCONFIGURED0000000000000000000000\\s+1250000000\\s+active\\s+config")
                .doesNotContain("configured-secret");
        CliRun revoke = run("--config", file.toString(), "keys", "revoke", "AKIDCONFIGURED0000000000000000000000");
        assertThat(revoke.status()).isEqualTo(2);
        assertThat(revoke.err()).contains("configuration file");
    }
}
