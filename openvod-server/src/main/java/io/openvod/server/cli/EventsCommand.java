package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.platform.events.DeliveryLog;
import io.openvod.platform.events.DeliveryRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod events …}: the platform's events and their delivery (listing, redelivering dead
 * letters), and the applications' webhook secrets ({@link WebhookSecretsCommand}).
 */
@Command(name = "events", description = "List events and their delivery, redeliver dead PUSH events, manage webhook secrets.",
        subcommands = {EventsCommand.ListEvents.class, EventsCommand.Redeliver.class, WebhookSecretsCommand.class})
final class EventsCommand {
    @ParentCommand
    OpenVodCommand root;

    <T> T withDeliveries(Function<DeliveryLog, T> action) {
        return root.withPlatformAdmin(services -> action.apply(services.stores().deliveries()));
    }

    @Command(name = "list", description = {"List events, newest first, with the task flow each is about and its delivery.",
            "Columns: event id, type, FileId, TaskId, sequence, channel, state, attempts, created, last error."})
    static final class ListEvents implements Callable<Integer> {
        @ParentCommand EventsCommand events;
        @Spec CommandSpec spec;
        @Option(names = "--state", paramLabel = "STATE", description = "Only PENDING, DELIVERED, DEAD or CONFIRMED.") String state;
        @Option(names = "--file-id", paramLabel = "ID", description = "Only the events of this FileId.") String fileId;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N events (default: 50).") int limit;

        @Override
        public Integer call() {
            Optional<String> wanted = Optional.ofNullable(state).map(s -> s.toUpperCase(Locale.ROOT));
            if (wanted.isPresent() && !DeliveryLog.STATES.contains(wanted.get())) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--state must be PENDING, DELIVERED, DEAD or CONFIRMED");
            }
            if (limit < 1 || limit > 10_000) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--limit must be within 1..10000");
            }
            List<DeliveryRecord> rows = events.withDeliveries(d -> d.list(wanted, Optional.ofNullable(fileId), limit));
            PrintWriter out = spec.commandLine().getOut();
            String row = "%-36s %-24s %-20s %-" + TasksCommand.TASK_ID_COLUMN + "s %4s %-7s %-10s %8s %-20s %s%n";
            out.printf(row, "EVENT ID", "TYPE", "FILE ID", "TASK ID", "SEQ",
                    "CHANNEL", "STATE", "ATTEMPTS", "CREATED", "LAST ERROR");
            for (DeliveryRecord r : rows) {
                out.printf(row, r.eventId(), r.eventType(), r.fileId(),
                        r.taskId().orElse("-"), r.seq(), r.channel(), r.state(), r.attempts(),
                        r.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.lastError().orElse("-"));
            }
            return 0;
        }
    }

    @Command(name = "redeliver", description = {"Send PUSH events again: due now, attempts reset, a new retry window.",
            "Names events by id (dead or delivered ones), or --all-dead [--sub-app-id N]."})
    static final class Redeliver implements Callable<Integer> {
        @ParentCommand EventsCommand events;
        @Spec CommandSpec spec;
        @ArgGroup(multiplicity = "1") Which which;

        static final class Which {
            @Parameters(paramLabel = "EVENT_ID", arity = "1..*", description = "Events to send again.") List<String> eventIds;
            @ArgGroup(exclusive = false) AllDead allDead;
        }

        static final class AllDead {
            @Option(names = "--all-dead", required = true, description = "Every dead PUSH event.") boolean all;
            @Option(names = "--sub-app-id", paramLabel = "N", description = "Only those of this application.") Long subAppId;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (which.allDead != null) {
                int count = events.withDeliveries(d -> d.redeliverDead(Optional.ofNullable(which.allDead.subAppId)));
                out.println("redelivering " + count + " dead event" + (count == 1 ? "" : "s"));
                return 0;
            }
            List<String> missing = events.withDeliveries(d -> which.eventIds.stream().filter(id -> {
                boolean queued = d.redeliver(id);
                if (queued) {
                    out.println("redelivering " + id);
                }
                return !queued;
            }).toList());
            if (!missing.isEmpty()) {
                throw new OpenVodException(CommonError.NOT_FOUND, "no dead or delivered PUSH event " + String.join(", ", missing));
            }
            return 0;
        }
    }
}
