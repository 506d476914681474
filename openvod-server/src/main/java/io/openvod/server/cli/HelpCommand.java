package io.openvod.server.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code openvod help [COMMAND [SUBCOMMAND…]]}: the usage of the command the names lead to, e.g.
 * {@code openvod help events secrets rotate}, exactly as {@code openvod events secrets rotate --help}
 * prints it (picocli's own help command follows one name only). An unknown name is a usage error.
 */
@Command(name = "help", helpCommand = true,
        description = "Print the help of a command or subcommand, e.g. openvod help tasks show.")
final class HelpCommand implements IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command and its subcommands, e.g. tasks show.")
    List<String> names = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        List<String> path = new ArrayList<>();
        for (String name : names) {
            path.add(name);
            CommandLine sub = target.getSubcommands().get(name);
            if (sub == null) {
                throw new ParameterException(self, "Unknown command '" + String.join(" ", path) + "'; "
                        + target.getCommandName() + " has: " + String.join(", ", target.getSubcommands().keySet()) + ".");
            }
            target = sub;
        }
        target.usage(out, colors);
        out.flush();
    }
}
