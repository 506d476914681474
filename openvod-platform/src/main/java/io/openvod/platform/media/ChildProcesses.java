package io.openvod.platform.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child processes that do not outlive the platform. On Linux a tool is started under a small
 * {@code /bin/sh} watchdog: the shell runs the tool in the background and waits for it, so it
 * exits as soon as the tool does, with the tool's exit status (128 + signal for a tool a signal
 * ended). Beside it a watcher, a background subshell, checks every 0.2 s while the tool runs that
 * the shell's parent is still the platform's JVM: when the JVM is gone (even by {@code kill -9},
 * when no shutdown hook runs) the shell is re-parented and the watcher kills the tool at once; it
 * does the same when the shell itself is gone. The watcher's polling is off the tool's path: a
 * tool that takes 50 ms takes 50 ms under the watchdog too (measured in
 * {@code openvod-bench/tool-overhead.sh}). Killing the process and its descendants (as the callers
 * do past a deadline) ends all three. Elsewhere the tool is started as is.
 *
 * <p>The review sidecar needs no watchdog: it exits when its standard input, a pipe from the
 * platform, closes. The tools cannot use that: their callers close standard input at once.
 */
public final class ChildProcesses {
    /** The watchdog; {@code $@} is the tool's command line. */
    static final String WATCHDOG = """
            parent=$PPID
            "$@" </dev/null &
            child=$!
            while kill -0 $child 2>/dev/null; do
              if ! read -r m 2>/dev/null </proc/$$/stat; then kill -KILL $child 2>/dev/null; exit 137; fi
              set -- $m
              if [ "$4" != "$parent" ]; then kill -KILL $child 2>/dev/null; exit 137; fi
              sleep 0.2
            done </dev/null >/dev/null 2>&1 &
            watcher=$!
            wait $child
            status=$?
            kill $watcher 2>/dev/null
            exit $status
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
