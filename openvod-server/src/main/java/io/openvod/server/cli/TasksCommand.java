package io.openvod.server.cli;

import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.platform.flow.FlowTask;
import io.openvod.platform.flow.TaskFlow;
import io.openvod.platform.flow.TaskQueue;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code openvod tasks …}: task flows (procedures) — a flow's tasks with their errors, and running failed ones again. */
@Command(name = "tasks", description = "Show a task flow's tasks and their errors; run its failed tasks again.",
        subcommands = {TasksCommand.Show.class, TasksCommand.Rerun.class})
final class TasksCommand {
    @ParentCommand
    OpenVodCommand root;

    <T> T withFlows(Function<TaskQueue, T> action) {
        return root.withPlatformAdmin(services -> action.apply(services.stores().queue()));
    }

    @Command(name = "show", description = "A flow and its tasks: position, type, status, progress, attempts, ErrCodeExt, message.")
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
                    flow.procedure(), flow.priority(), flow.notifyMode());
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
            spec.commandLine().getOut().println("queued " + queued + " failed task" + (queued == 1 ? "" : "s") + " of " + taskId);
            return 0;
        }
    }
}
