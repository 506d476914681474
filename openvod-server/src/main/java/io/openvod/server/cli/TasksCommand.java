package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.platform.flow.FlowQuery;
import io.openvod.platform.flow.FlowSummary;
import io.openvod.platform.flow.FlowTask;
import io.openvod.platform.flow.TaskFlow;
import io.openvod.platform.flow.TaskQueue;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code openvod tasks …}: task flows (procedures) on the platform database — the recent flows, a
 * flow's tasks with their errors, and running failed ones again — through the {@link TaskQueue} port.
 */
@Command(name = "tasks", description = "List task flows, show a flow's tasks and errors, and run its failed tasks again.",
        subcommands = {TasksCommand.ListFlows.class, TasksCommand.Show.class, TasksCommand.Rerun.class})
final class TasksCommand {
    @ParentCommand
    OpenVodCommand root;

    <T> T withFlows(Function<TaskQueue, T> action) {
        return root.withPlatformAdmin(services -> action.apply(services.stores().queue()));
    }

    @Command(name = "list", description = {"List recent task flows, newest first, also those not started yet.",
            "Columns: TaskId, FileId, procedure, status, tasks (failed ones), created, finished."})
    static final class ListFlows implements Callable<Integer> {
        @ParentCommand TasksCommand tasks;
        @Spec CommandSpec spec;
        @Option(names = {"--file-id", "--file"}, paramLabel = "FILE_ID", description = "Only the flows of this media.") String fileId;
        @Option(names = "--status", paramLabel = "STATUS", description = "Only WAITING, PROCESSING or FINISH flows.") String status;
        @Option(names = "--sub-app-id", paramLabel = "N", description = "Only the flows of this application.") Long subAppId;
        @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N flows (default: 20).") int limit;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 10_000) {
                throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--limit must be within 1..10000");
            }
            FlowQuery query = FlowQuery.newest(limit);
            if (status != null) {
                String wanted = status.toUpperCase(Locale.ROOT);
                if (!FlowSummary.STATUSES.contains(wanted)) {
                    throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--status must be WAITING, PROCESSING or FINISH");
                }
                query = query.withStatus(wanted);
            }
            query = fileId == null ? query : query.withFileId(fileId);
            FlowQuery chosen = subAppId == null ? query : query.withSubAppId(subAppId);
            List<FlowSummary> flows = tasks.withFlows(f -> f.list(chosen));
            PrintWriter out = spec.commandLine().getOut();
            String row = "%-" + TASK_ID_COLUMN + "s %-20s %-32s %-10s %-10s %-20s %s%n";
            out.printf(row, "TASK ID", "FILE ID", "PROCEDURE", "STATUS", "TASKS", "CREATED",
                    "FINISHED");
            for (FlowSummary f : flows) {
                out.printf(row, f.taskId(), f.fileId(), procedure(f), f.status(),
                        f.tasks() + (f.failedTasks() > 0 ? " (" + f.failedTasks() + " failed)" : ""), second(f.createdAt()),
                        f.finishedAt().map(TasksCommand::second).orElse("-"));
            }
            if (flows.isEmpty()) {
                out.println("(no task flow" + (fileId == null ? "" : " of " + fileId) + "; the platform database is "
                        + TraceSource.withoutCredentials(tasks.root.config().platform().databaseUrl()) + ")");
            }
            return 0;
        }

        /** The template's name, or what ad-hoc tasks the flow runs. */
        private static String procedure(FlowSummary f) {
            if (!f.procedure().isEmpty()) {
                return f.procedure();
            }
            return f.reviewTask() ? "(ReviewAudioVideo task)" : "(ProcessMedia tasks)";
        }
    }

    /** The width of a TaskId column: {@code <SubAppId>-ReviewAudioVideo-<32 hex digits>t}, the longest, has 61 characters. */
    static final int TASK_ID_COLUMN = 61;

    static String second(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Command(name = "show", description = "Show a flow and its tasks: position, type, status, progress, attempts, ErrCodeExt, message.")
    static final class Show implements Callable<Integer> {
        @ParentCommand TasksCommand tasks;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "TASK_ID", description = "The flow's TaskId (ProcedureTaskId).") String taskId;

        @Override
        public Integer call() {
            TaskFlow flow = tasks.withFlows(f -> f.find(taskId))
                    .orElseThrow(() -> new OpenVodException(CommonError.NOT_FOUND, "no task flow " + taskId));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s %s FileId %s procedure %s priority %d notify %s%n", flow.taskId(), flow.status(), flow.fileId(),
                    flow.procedure().isEmpty() ? "-" : flow.procedure(), flow.priority(),
                    flow.notifyMode().isEmpty() ? "-" : flow.notifyMode());
            out.printf("%3s %-24s %-10s %8s %8s %-36s %s%n", "POS", "TYPE", "STATUS", "PROGRESS", "ATTEMPTS", "ERRCODEEXT", "MESSAGE");
            for (FlowTask t : flow.tasks()) {
                out.printf("%3d %-24s %-10s %8d %8d %-36s %s%n", t.position(), t.type(), t.status(), t.progress(), t.attempts(),
                        t.errCodeExt().isEmpty() ? "-" : t.errCodeExt(), t.message().isEmpty() ? "-" : t.message());
            }
            return 0;
        }
    }

    @Command(name = "rerun", description = "Queue a flow's failed tasks again; a running platform runs them and reports the flow again.")
    static final class Rerun implements Callable<Integer> {
        @ParentCommand TasksCommand tasks;
        @Spec CommandSpec spec;
        @Parameters(paramLabel = "TASK_ID", description = "The flow's TaskId (ProcedureTaskId).") String taskId;

        @Override
        public Integer call() {
            int queued = tasks.withFlows(f -> {
                if (f.find(taskId).isEmpty()) {
                    throw new OpenVodException(CommonError.NOT_FOUND, "no task flow " + taskId);
                }
                return f.rerunFailed(taskId);
            });
            spec.commandLine().getOut().println(queued == 0
                    ? "nothing to run again: " + taskId + " has no failed task (openvod tasks show " + taskId + ")"
                    : "queued " + queued + " failed task" + (queued == 1 ? "" : "s") + " of " + taskId);
            return 0;
        }
    }
}
