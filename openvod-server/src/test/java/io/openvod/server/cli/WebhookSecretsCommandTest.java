package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openvod events secrets …} against a real platform database file. */
class WebhookSecretsCommandTest {
    private static final Pattern ID = Pattern.compile("Secret id:\\s+(whk_[0-9a-f]{16})");
    private static final Pattern SECRET = Pattern.compile("Secret:\\s+(whsec_[A-Za-z0-9+/=]{40,})");

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.onPlatformDatabase(dir, args);
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    void secretsAreMadeForAnApplicationShownOnceListedRotatedAndRevoked() {
        CliRun created = run("events", "secrets", "create");
        assertThat(created.status()).as(created.err()).isZero();
        String firstId = group(ID, created.out());
        String secret = group(SECRET, created.out());
        assertThat(created.out()).contains("Application: 1250000000").contains("not shown again");

        assertThat(run("keys", "add-app", "1500000001").status()).isZero();
        CliRun rotated = run("events", "secrets", "rotate", "--sub-app-id", "1500000001", "--overlap", "0s");
        assertThat(rotated.status()).as(rotated.err()).isZero();
        String otherId = group(ID, rotated.out());
        assertThat(group(SECRET, rotated.out())).isNotEqualTo(secret);

        CliRun listed = run("events", "secrets", "list");
        assertThat(listed.status()).isZero();
        assertThat(listed.out()).contains(firstId).contains(otherId).contains("1250000000").contains("1500000001")
                .contains("ACTIVE").doesNotContain("whsec_");

        CliRun rotatedPrimary = run("events", "secrets", "rotate", "--overlap", "0s");
        assertThat(rotatedPrimary.status()).isZero();
        CliRun mine = run("events", "secrets", "list", "--sub-app-id", "1250000000");
        assertThat(mine.out()).contains(firstId).doesNotContain(otherId);
        assertThat(mine.out().lines().filter(l -> l.startsWith(firstId)).findFirst().orElseThrow()).contains("EXPIRED");

        assertThat(run("events", "secrets", "revoke", otherId).out()).contains("revoked " + otherId);
        CliRun again = run("events", "secrets", "revoke", otherId);
        assertThat(again.status()).as("no unrevoked secret: not found").isEqualTo(4);
        assertThat(again.err()).contains("openvod events secrets list");
    }

    @Test
    void anUnknownApplicationIsRefusedWithWhatToDo() {
        CliRun refused = run("events", "secrets", "create", "--sub-app-id", "1700000000");
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("no application 1700000000").contains("openvod keys add-app 1700000000");
        assertThat(refused.out()).doesNotContain("whsec_");
    }
}
