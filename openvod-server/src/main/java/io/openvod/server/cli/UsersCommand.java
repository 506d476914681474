package io.openvod.server.cli;

import io.openvod.app.account.Account;
import io.openvod.app.account.AccountService;
import io.openvod.app.account.StoredToken;
import io.openvod.server.app.AppServices;
import io.openvod.server.config.DurationText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod users …}: the app backend's built-in accounts and API tokens. */
@Command(name = "users", description = "Manage the app backend's users, bans, roles and API tokens.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Ban.class, UsersCommand.Unban.class,
                UsersCommand.Role.class, UsersCommand.Password.class, UsersCommand.Token.class})
final class UsersCommand {
    @ParentCommand
    OpenVodCommand root;

    <T> T withServices(java.util.function.Function<AppServices, T> action) {
        try (AppServices services = AppServices.open(root.config().app(), Clock.systemUTC())) {
            return action.apply(services);
        }
    }

    static char[] readPassword(java.io.InputStream stdin) {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            return new char[0];
        }
    }

    @Command(name = "add", description = "Create a user; with --password-stdin it can sign in with a password.")
    static final class Add implements Callable<Integer> {
        @ParentCommand UsersCommand users;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER") String userId;
        @Option(names = "--role", description = "Policy role (default: the configured default role).") String role;
        @Option(names = "--password-stdin", description = "Read the password (8+ characters) from the first line of standard input.")
        boolean passwordStdin;

        @Override
        public Integer call() {
            Optional<char[]> password = passwordStdin ? Optional.of(readPassword(users.root.stdin())) : Optional.empty();
            Account a = users.withServices(s -> s.accounts().createUser(userId, role == null ? "" : role, password));
            spec.commandLine().getOut().println("created " + a.userId() + (a.hasPassword() ? " (password set)" : " (no password)"));
            return 0;
        }
    }

    @Command(name = "list", description = "List users: id, role, banned, password.")
    static final class ListUsers implements Callable<Integer> {
        @ParentCommand UsersCommand users;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-32s %-12s %-7s %-8s %s%n", "USER", "ROLE", "BANNED", "PASSWORD", "CREATED");
            users.withServices(s -> s.store().list()).forEach(a -> out.printf("%-32s %-12s %-7s %-8s %s%n",
                    a.userId(), a.role().isEmpty() ? "(default)" : a.role(), a.banned() ? "yes" : "no",
                    a.hasPassword() ? "yes" : "no", a.createdAt()));
            return 0;
        }
    }

    /** {@code ban} and {@code unban}: the same switch, set one way or the other. */
    abstract static class BanSwitch implements Callable<Integer> {
        @ParentCommand UsersCommand users;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER") String userId;

        abstract boolean banned();

        @Override
        public Integer call() {
            users.withServices(s -> s.store().setBanned(userId, banned(), Clock.systemUTC().instant()));
            spec.commandLine().getOut().println((banned() ? "banned " : "unbanned ") + userId);
            return 0;
        }
    }

    @Command(name = "ban", description = "Ban a user (also jwt:<sub> of an identity provider): no sign-in, signatures or API calls.")
    static final class Ban extends BanSwitch {
        @Override
        boolean banned() {
            return true;
        }
    }

    @Command(name = "unban", description = "Lift a ban.")
    static final class Unban extends BanSwitch {
        @Override
        boolean banned() {
            return false;
        }
    }

    @Command(name = "role", description = "Set a user's policy role (empty string: the default role).")
    static final class Role implements Callable<Integer> {
        @ParentCommand UsersCommand users;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER") String userId;
        @Parameters(index = "1", paramLabel = "ROLE") String role;

        @Override
        public Integer call() {
            users.withServices(s -> s.store().setRole(userId, role, Clock.systemUTC().instant()));
            spec.commandLine().getOut().println(userId + " has role " + (role.isEmpty() ? "(default)" : role));
            return 0;
        }
    }

    @Command(name = "password", description = "Set a user's password from the first line of standard input.")
    static final class Password implements Callable<Integer> {
        @ParentCommand UsersCommand users;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "USER") String userId;

        @Override
        public Integer call() {
            char[] password = readPassword(users.root.stdin());
            users.withServices(s -> {
                s.accounts().setPassword(userId, password);
                return null;
            });
            spec.commandLine().getOut().println("password of " + userId + " set");
            return 0;
        }
    }

    @Command(name = "token", description = "API tokens for service clients.",
            subcommands = {Token.Create.class, Token.ListTokens.class, Token.Revoke.class})
    static final class Token {
        @ParentCommand UsersCommand users;

        @Command(name = "create", description = "Create an API token for USER and print it once.")
        static final class Create implements Callable<Integer> {
            @ParentCommand Token token;
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "USER") String userId;
            @Option(names = "--label", defaultValue = "", description = "What uses the token.") String label;
            @Option(names = "--ttl", converter = DurationArg.class, description = "Expire after this long (default: never).")
            Duration ttl;

            @Override
            public Integer call() {
                AccountService.IssuedToken t = token.users.withServices(s -> s.accounts().createApiToken(userId, label, Optional.ofNullable(ttl)));
                spec.commandLine().getOut().println(t.token());
                spec.commandLine().getErr().println("API token for " + userId + (ttl != null ? ", expires in " + DurationText.format(ttl) : "")
                        + ". Shown once; only its hash is stored.");
                return 0;
            }
        }

        @Command(name = "list", description = "List USER's tokens by hash prefix.")
        static final class ListTokens implements Callable<Integer> {
            @ParentCommand Token token;
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "USER") String userId;

            @Override
            public Integer call() {
                PrintWriter out = spec.commandLine().getOut();
                for (StoredToken t : token.users.withServices(s -> s.store().tokens(userId))) {
                    out.printf("%-14s %-8s %-20s %s%n", t.tokenHash().substring(0, 12), t.kind(), t.label(),
                            t.expiresAt().map(e -> "expires " + e).orElse("no expiry"));
                }
                return 0;
            }
        }

        @Command(name = "revoke", description = "Revoke USER's token whose hash starts with PREFIX (see list).")
        static final class Revoke implements Callable<Integer> {
            @ParentCommand Token token;
            @Spec CommandSpec spec;
            @Parameters(index = "0", paramLabel = "USER") String userId;
            @Parameters(index = "1", paramLabel = "PREFIX") String prefix;

            @Override
            public Integer call() {
                int revoked = token.users.withServices(s -> {
                    int n = 0;
                    for (StoredToken t : s.store().tokens(userId)) {
                        if (prefix.length() >= 8 && t.tokenHash().startsWith(prefix) && s.store().deleteToken(t.tokenHash())) {
                            n++;
                        }
                    }
                    return n;
                });
                spec.commandLine().getOut().println("revoked " + revoked + " token(s)");
                return revoked > 0 ? 0 : io.openvod.core.ErrorKind.NOT_FOUND.exitStatus();
            }
        }
    }
}
