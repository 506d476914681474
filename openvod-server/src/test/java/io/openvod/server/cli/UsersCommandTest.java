package io.openvod.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openvod users …} against a real database file. */
class UsersCommandTest {
    @TempDir
    Path dir;

    private CliRun run(String stdin, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--set";
        all[1] = "app.database.url=jdbc:sqlite:" + dir.resolve("app.db");
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.run(Map.of(), stdin, all);
    }

    @Test
    void usersShouldBeCreatedListedBannedAndGivenRoles() {
        assertThat(run("a long password\n", "users", "add", "alice", "--password-stdin").out()).contains("created alice (password set)");
        assertThat(run("", "users", "add", "bob", "--role", "user").out()).contains("created bob (no password)");
        CliRun again = run("", "users", "add", "bob");
        assertThat(again.status()).isEqualTo(5);
        assertThat(again.err()).contains("ACCOUNT_EXISTS");
        CliRun weak = run("short\n", "users", "add", "carl", "--password-stdin");
        assertThat(weak.status()).isEqualTo(2);
        assertThat(weak.err()).contains("at least 8 characters");
        assertThat(run("", "users", "add", "no spaces").err()).contains("BAD_REQUEST");

        run("", "users", "ban", "bob");
        run("", "users", "ban", "idp-user-1");
        run("", "users", "role", "alice", "user");
        String list = run("", "users", "list").out();
        assertThat(list).containsPattern("alice\\s+user\\s+no\\s+yes");
        assertThat(list).containsPattern("bob\\s+user\\s+yes\\s+no");
        assertThat(list).containsPattern("idp-user-1\\s+\\(default\\)\\s+yes\\s+no");
        run("", "users", "unban", "bob");
        assertThat(run("", "users", "list").out()).containsPattern("bob\\s+user\\s+no");
    }

    @Test
    void apiTokensShouldBePrintedOnceListedByHashAndRevocable() {
        run("", "users", "add", "svc");
        CliRun created = run("", "users", "token", "create", "svc", "--label", "batch", "--ttl", "30d");
        String token = created.out().strip();
        assertThat(token).startsWith("ova_").hasSize(47);
        assertThat(created.err()).contains("Shown once");
        String list = run("", "users", "token", "list", "svc").out();
        assertThat(list).contains("API").contains("batch").contains("expires").doesNotContain(token);
        String prefix = list.strip().split("\\s+")[0];
        assertThat(run("", "users", "token", "revoke", "svc", prefix).out()).contains("revoked 1 token(s)");
        assertThat(run("", "users", "token", "list", "svc").out()).isBlank();
        assertThat(run("", "users", "token", "create", "ghost").err()).contains("no user ghost");
    }

    @Test
    void noUsersCommandSpeaksOfTheRunningAppsModeratorRoles() {
        ch.qos.logback.classic.Logger server = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.openvod.server");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        server.addAppender(lines);
        try {
            assertThat(run("", "users", "add", "mod", "--role", "moderator").status()).isZero();
            assertThat(run("", "users", "list").out()).containsPattern("mod\\s+moderator");
        } finally {
            server.detachAppender(lines);
        }
        assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .as("the default configuration's moderatorRoles names a role its policy lacks; only a serving app says so")
                .noneMatch(m -> m.contains("moderatorRoles"));
    }
}
