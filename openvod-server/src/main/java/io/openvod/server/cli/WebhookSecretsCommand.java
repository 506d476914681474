package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.platform.events.push.WebhookSecret;
import io.openvod.platform.events.push.WebhookSecrets;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod events secrets …}: each application's webhook signing secrets — made, listed,
 * rotated and revoked. A secret is printed once, when it is made.
 */
@Command(name = "secrets", description = "Manage each application's webhook signing secrets (whsec_…): create, list, rotate, revoke.",
        subcommands = {WebhookSecretsCommand.Create.class, WebhookSecretsCommand.ListSecrets.class,
                WebhookSecretsCommand.Rotate.class, WebhookSecretsCommand.Revoke.class})
final class WebhookSecretsCommand {
    @ParentCommand
    EventsCommand events;

    <T> T withSecrets(Function<WebhookSecrets, T> action) {
        return events.root.withPlatformAdmin(services -> action.apply(services.stores().webhookSecrets()));
    }

    long application(Long subAppId) {
        long app = subAppId != null ? subAppId : events.root.config().platform().account().appId();
        if (app < 1) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--sub-app-id must be a positive application id");
        }
        return app;
    }

    /** Runs {@code action}; an unknown application is an invalid argument that says how to register it. */
    <T> T forApplication(long subAppId, Function<WebhookSecrets, T> action) {
        try {
            return withSecrets(action);
        } catch (IllegalArgumentException e) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, e.getMessage()
                    + " (register it with: openvod keys add-app " + subAppId + ")");
        }
    }

    static void printCreated(PrintWriter out, WebhookSecrets.Created created) {
        out.println("Secret id:   " + created.secretId());
        out.println("Application: " + created.subAppId());
        out.println("Secret:      " + created.secret().reveal());
        out.println("Give the secret to the application's receiver (app.receipt.webhookSecrets); it is not shown again.");
    }

    @Command(name = "create", description = {"Make a new secret for an application and print it (only now).",
            "It signs the application's callbacks from now on, besides the secrets it has."})
    static final class Create implements Callable<Integer> {
        @ParentCommand WebhookSecretsCommand secrets;
        @Spec CommandSpec spec;
        @Option(names = "--sub-app-id", paramLabel = "N", description = "The application (default: platform.account.appId, "
                + "the primary one).") Long subAppId;

        @Override
        public Integer call() {
            long app = secrets.application(subAppId);
            printCreated(spec.commandLine().getOut(), secrets.forApplication(app, s -> s.create(app)));
            return 0;
        }
    }

    @Command(name = "list", description = "List secrets: id, application, state, created, expires. The secrets themselves are never shown.")
    static final class ListSecrets implements Callable<Integer> {
        @ParentCommand WebhookSecretsCommand secrets;
        @Spec CommandSpec spec;
        @Option(names = "--sub-app-id", paramLabel = "N", description = "Only this application's.") Long subAppId;

        @Override
        public Integer call() {
            List<WebhookSecret> rows = secrets.withSecrets(s -> s.list(Optional.ofNullable(subAppId)));
            PrintWriter out = spec.commandLine().getOut();
            Instant now = Instant.now();
            out.printf("%-22s %-12s %-9s %-20s %s%n", "SECRET ID", "SUB APP ID", "STATE", "CREATED", "ENDS");
            for (WebhookSecret r : rows) {
                String ends = r.revokedAt().or(r::expiresAt).map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("-");
                out.printf("%-22s %-12d %-9s %-20s %s%n", r.secretId(), r.subAppId(), r.state(now),
                        r.createdAt().truncatedTo(ChronoUnit.SECONDS), ends);
            }
            return 0;
        }
    }

    @Command(name = "rotate", description = {"Make a new secret for an application and print it (only now).",
            "Its other secrets keep signing for the overlap, then stop. Callbacks carry a signature by each, so the receiver",
            "can switch within the overlap."})
    static final class Rotate implements Callable<Integer> {
        @ParentCommand WebhookSecretsCommand secrets;
        @Spec CommandSpec spec;
        @Option(names = "--sub-app-id", paramLabel = "N", description = "The application (default: platform.account.appId).") Long subAppId;
        @Option(names = "--overlap", paramLabel = "DURATION", converter = DurationArg.class, defaultValue = "24h",
                description = "How long the old secrets still sign (default: 24h; 0s stops them now).") Duration overlap;

        @Override
        public Integer call() {
            long app = secrets.application(subAppId);
            PrintWriter out = spec.commandLine().getOut();
            printCreated(out, secrets.forApplication(app, s -> s.rotate(app, overlap)));
            out.println("The application's other secrets stop signing " + (overlap.isZero() ? "now." : "in " + overlap.toString()
                    .substring(2).toLowerCase(java.util.Locale.ROOT) + "."));
            return 0;
        }
    }

    @Command(name = "revoke", description = "Stop a secret signing at once.")
    static final class Revoke implements Callable<Integer> {
        @ParentCommand WebhookSecretsCommand secrets;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "SECRET_ID", description = "The secret's id (whk_…), as listed.") String secretId;

        @Override
        public Integer call() {
            if (!secrets.withSecrets(s -> s.revoke(secretId))) {
                throw new OpenVodException(CommonError.NOT_FOUND, "no unrevoked webhook secret " + secretId
                        + " (see: openvod events secrets list)");
            }
            spec.commandLine().getOut().println("revoked " + secretId);
            return 0;
        }
    }
}
