package io.openvod.server.cli;

import io.openvod.testing.TestSecrets;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs the {@code openvod} command line in-process and captures what it prints. */
record CliRun(int status, String out, String err) {
    private static final Pattern SECRET_KEY = Pattern.compile("(?m)^SecretKey:\\s+(\\S+)");
    private static final Pattern API_TOKEN = Pattern.compile("(?m)^(ov[as]_\\S+)$");

    static CliRun run(Map<String, String> env, String stdin, String... args) {
        CommandLine cli = OpenVodCommand.commandLine(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        rememberSecrets(out.toString());
        return new CliRun(status, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(Map.of(), "", args);
    }

    /** Remembers what commands print once for their user, for the suite's log scan: a new key's SecretKey, a new API token. */
    private static void rememberSecrets(String out) {
        Matcher secretKey = SECRET_KEY.matcher(out);
        while (secretKey.find()) {
            TestSecrets.remember(secretKey.group(1));
        }
        Matcher token = API_TOKEN.matcher(out);
        while (token.find()) {
            TestSecrets.remember(token.group(1));
        }
    }
}
