package io.openvod.server;

import io.openvod.server.cli.OpenVodCommand;
import picocli.CommandLine;

/** Entry point of the runnable jar; see {@link OpenVodCommand} for the subcommands. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = OpenVodCommand.commandLine(System.getenv(), System.in);
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(status);
    }
}
