package io.openvod.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.client.ProgressListener;
import io.openvod.client.UploadError;
import io.openvod.client.UploadException;
import io.openvod.client.UploadHandle;
import io.openvod.client.UploadResult;
import io.openvod.client.Uploader;
import io.openvod.core.ErrorKind;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one upload for the command line: the progress line on a terminal, Ctrl-C cancelling the
 * upload (the session stays, so the same command resumes it), the summary or {@code --json} with
 * the media's task flows ({@link MediaTasks}), and an exit status from the {@link UploadError} (as
 * {@link ErrorKind} assigns them). After a failure the command that resumes it
 * ({@link ResumeCommand}: no secret in it) is printed only when running it again can help
 * ({@link UploadError#retryable()}: the network, timeouts, 5xx, an interruption).
 */
final class UploadConsole {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    UploadConsole(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** The listener to build the uploader with: a live line on a terminal, else nothing. */
    ProgressLine progressLine() {
        return stderrIsTerminal() ? new ProgressLine(err) : null;
    }

    static ProgressListener listener(ProgressLine line) {
        return line == null ? ProgressListener.NONE : line;
    }

    /** Uploads, prints the outcome with the media's {@code tasks}, and returns the exit status; {@code again} resumes it. */
    int run(Uploader uploader, Path video, Path cover, ProgressLine line, ResumeCommand again, MediaTasks tasks) throws Exception {
        long start = System.nanoTime();
        long bytes = Files.size(video) + (cover == null ? 0 : Files.size(cover));
        UploadHandle handle = uploader.start(video, cover);
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread onCtrlC = new Thread(() -> {
            interrupted.set(true);
            handle.cancel();
            try {
                handle.future().handle((r, e) -> null).get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // The process is ending.
            }
            if (line != null) {
                line.end();
            }
            err.println(again.advice("upload cancelled; run the same command again to resume it"));
            err.flush();
        }, "openvod-upload-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        UploadResult result;
        try {
            result = handle.await();
        } catch (UploadException e) {
            if (line != null) {
                line.end();
            }
            if (!interrupted.get()) {
                err.println("error: " + e.error() + ": " + e.getMessage());
                if (e.error().retryable()) {
                    err.println(again.advice("run the same command again to resume"));
                }
            }
            return exitStatus(e.error());
        } finally {
            removeHook(onCtrlC);
        }
        if (line != null) {
            line.end();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MediaTasks.Lookup flows = tasks.of(result.fileId());
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("fileId", result.fileId());
            o.put("mediaUrl", result.mediaUrl());
            if (result.coverUrl() == null) {
                o.putNull("coverUrl");
            } else {
                o.put("coverUrl", result.coverUrl());
            }
            o.put("bytes", bytes);
            o.put("seconds", Math.round(seconds * 1000) / 1000.0);
            putTasks(o, flows);
            out.println(JSON.writeValueAsString(o));
        } else {
            out.println("uploaded " + video.getFileName() + " (" + ProgressLine.bytes(bytes) + ") in "
                    + String.format(Locale.ROOT, "%.1f s", seconds) + (result.partsResumed() > 0
                    ? ", resumed " + result.partsResumed() + " stored part(s)" : ""));
            out.println("  FileId:    " + result.fileId());
            out.println("  media URL: " + result.mediaUrl());
            if (result.coverUrl() != null) {
                out.println("  cover URL: " + result.coverUrl());
            }
            MediaTasks.print(out, "  TaskId:    ", flows);
        }
        out.flush();
        return 0;
    }

    /**
     * {@code taskId} (the Procedure flow's, else the first's; null when none or unknown), {@code tasks}
     * (each {@code taskId}, {@code taskType}, {@code status}; null when unknown) and, when unknown, {@code tasksUnknown}.
     */
    private static void putTasks(ObjectNode o, MediaTasks.Lookup flows) {
        if (flows.tasks().isEmpty()) {
            o.putNull("taskId");
            o.putNull("tasks");
            o.put("tasksUnknown", flows.unknown());
            return;
        }
        ArrayNode list = JSON.createArrayNode();
        for (JsonNode t : flows.tasks().get()) {
            list.addObject().put("taskId", t.path("TaskId").asText()).put("taskType", t.path("TaskType").asText())
                    .put("status", t.path("Status").asText());
        }
        o.put("taskId", list.valueStream().filter(t -> "Procedure".equals(t.path("taskType").asText())).findFirst()
                .or(() -> list.valueStream().findFirst()).map(t -> t.path("taskId").asText()).orElse(null));
        o.set("tasks", list);
    }

    static int exitStatus(UploadError error) {
        ErrorKind kind = switch (error) {
            case INVALID_ARGUMENT -> ErrorKind.INVALID_INPUT;
            case SIGNATURE_REFUSED, SIGNATURE_REJECTED -> ErrorKind.UNAUTHENTICATED;
            case PLATFORM_REJECTED, COS_REJECTED, INTEGRITY -> ErrorKind.CONFLICT;
            case SIGNATURE_UNAVAILABLE, UNAVAILABLE, CANCELLED -> ErrorKind.UNAVAILABLE;
            case PROTOCOL -> ErrorKind.INTERNAL;
        };
        return kind.exitStatus();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came: the hook runs and reports.
        }
    }

    /** True when stderr is a terminal: on Linux where {@code /proc/self/fd/2} points, else whether a console is a terminal. */
    private static boolean stderrIsTerminal() {
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (java.io.IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }
}
