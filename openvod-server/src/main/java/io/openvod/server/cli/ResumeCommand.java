package io.openvod.server.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command that resumes an interrupted upload, to print after it: the command line as it was
 * typed, each argument quoted for a POSIX shell, without the options that carry a secret
 * ({@code --password}, {@code --token}), and a note on how to pass each dropped secret again.
 */
final class ResumeCommand {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /** The options whose value is a secret, and how to give it again. */
    private static final Map<String, String> SECRETS = Map.of(
            "--password", "the password is not repeated here: pipe it in with --password-stdin, or set " + UploadCommand.PASSWORD_ENV,
            "--token", "the token is not repeated here: set " + UploadCommand.TOKEN_ENV);

    private final String line;
    private final List<String> notes;

    private ResumeCommand(String line, List<String> notes) {
        this.line = line;
        this.notes = List.copyOf(notes);
    }

    /** {@code program} (e.g. {@code openvod}) with {@code args}, as the upload was started. */
    static ResumeCommand of(String program, List<String> args) {
        List<String> kept = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        kept.add(program);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String note = SECRETS.get(name);
            if (note == null) {
                kept.add(quote(arg));
                continue;
            }
            if (!arg.contains("=")) {
                i++; // its value is the next argument
            }
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
        if (args.contains("--password-stdin")) {
            notes.add("pipe the password in again (--password-stdin)");
        }
        return new ResumeCommand(String.join(" ", kept), notes);
    }

    /** {@code arg} as a POSIX shell reads it back: as it is when plain, else in single quotes. */
    static String quote(String arg) {
        if (PLAIN.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /** The command line. */
    String line() {
        return line;
    }

    /** How to pass again what the line leaves out. */
    List<String> notes() {
        return notes;
    }

    /** The advice: run the line again; then the notes, one a line. */
    String advice(String lead) {
        StringBuilder text = new StringBuilder(lead).append(": ").append(line);
        notes.forEach(n -> text.append(System.lineSeparator()).append("  (").append(n).append(")"));
        return text.toString();
    }
}
