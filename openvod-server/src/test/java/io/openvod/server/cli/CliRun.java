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
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("(?m)^Secret:\\s+(whsec_\\S+)");

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

    /** Runs {@code args} on the platform database in {@code dir} ({@code platform.db}). */
    static CliRun onPlatformDatabase(java.nio.file.Path dir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--set";
        all[1] = "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db");
        System.arraycopy(args, 0, all, 2, args.length);
        return run(Map.of(), "", all);
    }

    /**
     * Remembers what commands print once for their user, for the suite's log scan: a new key's
     * SecretKey, a new API token, a new webhook secret.
     */
    private static void rememberSecrets(String out) {
        Matcher webhookSecret = WEBHOOK_SECRET.matcher(out);
        while (webhookSecret.find()) {
            TestSecrets.remember(webhookSecret.group(1));
        }
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
