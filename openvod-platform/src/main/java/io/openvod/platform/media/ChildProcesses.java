package io.openvod.platform.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child processes that do not outlive the platform. On Linux a tool is started under a small
 * {@code /bin/sh} watchdog: it runs the tool in the background and, twice a second, checks that
 * its own parent is still the platform's JVM; when the JVM is gone (even by {@code kill -9}, when
 * no shutdown hook runs) the shell is re-parented and kills the tool at once. The shell exits with
 * the tool's exit status (128 + signal for a tool a signal ended), and killing the process and its
 * descendants (as the callers do past a deadline) ends both. Elsewhere the tool is started as is.
 *
 * <p>The review sidecar needs no watchdog: it exits when its standard input, a pipe from the
 * platform, closes.
 */
public final class ChildProcesses {
    /** The watchdog; {@code $@} is the tool's command line. */
    static final String WATCHDOG = """
            parent=$PPID
            "$@" </dev/null &
            child=$!
            while :; do
              read -r s 2>/dev/null </proc/$child/stat || break
              set -- $s
              [ "$3" = Z ] && break
              read -r m 2>/dev/null </proc/$$/stat || break
              set -- $m
              if [ "$4" != "$parent" ]; then kill -KILL $child 2>/dev/null; exit 137; fi
              sleep 0.5
            done
            wait $child
            """;
    private static final Path SHELL = Path.of("/bin/sh");
    private static final boolean SUPPORTED = Files.isDirectory(Path.of("/proc/self")) && Files.isExecutable(SHELL);

    private ChildProcesses() {
    }

    /** {@code command} started under the watchdog where it is supported (same environment, directory and redirects). */
    public static ProcessBuilder tiedToParent(ProcessBuilder command) {
        if (!SUPPORTED) {
            return command;
        }
        List<String> line = new ArrayList<>(List.of(SHELL.toString(), "-c", WATCHDOG, "openvod-child"));
        line.addAll(command.command());
        ProcessBuilder tied = new ProcessBuilder(line)
                .directory(command.directory())
                .redirectInput(command.redirectInput())
                .redirectOutput(command.redirectOutput())
                .redirectError(command.redirectError())
                .redirectErrorStream(command.redirectErrorStream());
        tied.environment().clear();
        tied.environment().putAll(command.environment());
        return tied;
    }
}
