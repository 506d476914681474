package io.openvod.server.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/** Runs the {@code openvod} command line in-process and captures what it prints. */
record CliRun(int status, String out, String err) {
    static CliRun run(Map<String, String> env, String stdin, String... args) {
        CommandLine cli = OpenVodCommand.commandLine(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(Map.of(), "", args);
    }
}
