package io.openvod.platform.flow.steps;

import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.TaskErrors;
import io.openvod.platform.flow.TaskStep.ProgressListener;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one {@code ffmpeg} command for a step: standard input closed, {@code -progress pipe:1} read
 * line by line into a 0–99 progress over the media's duration (the step reports 100 itself once its
 * outputs are stored), standard error kept up to a limit for the failure message, and the process
 * killed past its deadline.
 *
 * <p>A non-zero exit other than a deadly signal's is the input's fault ({@code SourceFileError.ContentMalformed}, not retryable, with
 * FFmpeg's first error line as the message); a deadline, a signal or a process that cannot start is
 * {@code InternalError}, retryable.
 */
final class FfmpegJob {
    static final String INVALID_INPUT = TaskErrors.SOURCE_MALFORMED;
    static final String INTERNAL_ERROR = TaskErrors.INTERNAL;
    private static final int STDERR_LIMIT = 64 * 1024;
    private static final long DRAIN_GRACE_SECONDS = 5;
    /**
     * Exit statuses of a process ended by SIGILL, SIGABRT, SIGBUS, SIGFPE, SIGKILL, SIGSEGV or
     * SIGTERM (128 + signal). Other statuses of 128 and above are FFmpeg's own: it exits with its
     * error code's low byte, e.g. 254 for a missing input.
     */
    private static final Set<Integer> SIGNAL_EXITS = Set.of(132, 134, 135, 136, 137, 139, 143);

    private final FfmpegTools tools;

    FfmpegJob(FfmpegTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
    }

    /**
     * Runs {@code ffmpeg} with the common leading options and then {@code args}.
     *
     * @param source the input, named in {@code args}; its path is replaced by its file name in messages
     * @param durationSeconds the length of what FFmpeg reads, for progress and as the most output it
     *     may write (a second more; it stops there, so a header that claims more than the file
     *     holds cannot make it run on); 0 reports no progress and sets no limit
     * @param progress receives 0–99, never decreasing; may be null
     */
    void run(List<String> args, Path source, double durationSeconds, Duration timeout, ProgressListener progress)
            throws StepFailure {
        if (args.isEmpty()) {
            execute(common(), source, durationSeconds, timeout, progress);
            return;
        }
        runOutputs(args.subList(0, args.size() - 1), List.of(args.subList(args.size() - 1, args.size())), source,
                durationSeconds, timeout, progress);
    }

    /**
     * Runs {@code ffmpeg} with the common leading options, {@code inputs} (the inputs and the global
     * options such as a filter graph), then each of {@code outputs} (its options, its name last),
     * each output limited to {@code durationSeconds} (a second more) as {@link #run} limits its one.
     */
    void runOutputs(List<String> inputs, List<List<String>> outputs, Path source, double durationSeconds, Duration timeout,
                    ProgressListener progress) throws StepFailure {
        List<String> line = common();
        line.addAll(inputs);
        for (List<String> output : outputs) {
            line.addAll(output.subList(0, output.size() - 1));
            if (durationSeconds > 0) {
                // an output option: right before the output's name
                line.addAll(List.of("-t", StepSupport.seconds(durationSeconds + 1)));
            }
            line.add(output.getLast());
        }
        execute(line, source, durationSeconds, timeout, progress);
    }

    private static List<String> common() {
        return new ArrayList<>(List.of("-nostdin", "-hide_banner", "-v", "error", "-nostats", "-progress", "pipe:1", "-y"));
    }

    private void execute(List<String> line, Path source, double durationSeconds, Duration timeout, ProgressListener progress)
            throws StepFailure {
        ProcessBuilder command;
        try {
            command = tools.ffmpegCommand(line);
        } catch (MediaException e) {
            throw new StepFailure(INTERNAL_ERROR, e.getMessage(), true, e);
        }
        Process process;
        try {
            process = command.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new StepFailure(INTERNAL_ERROR, "ffmpeg could not start: " + e.getMessage(), true, e);
        }
        ProgressParser parser = new ProgressParser(durationSeconds, progress);
        CompletableFuture<Void> out = readProgress(process.getInputStream(), parser);
        CompletableFuture<String> err = readStderr(process.getErrorStream());
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new StepFailure(INTERNAL_ERROR, "ffmpeg did not finish within " + timeout.toSeconds()
                        + " s and was killed", true);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new StepFailure(INTERNAL_ERROR, "interrupted while ffmpeg ran", true, e);
        }
        await(out);
        StepFailure failure = exitFailure(process.exitValue(), await(err), source);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * What an exit status means for the step: null for 0; {@code InternalError} (retryable) for a
     * deadly signal; otherwise the input's fault, with FFmpeg's first error line.
     */
    static StepFailure exitFailure(int exit, String stderr, Path source) {
        if (exit == 0) {
            return null;
        }
        String reason = reason(stderr, source);
        if (SIGNAL_EXITS.contains(exit)) {
            return new StepFailure(INTERNAL_ERROR, "ffmpeg crashed (signal " + (exit - 128) + ")"
                    + (reason.isEmpty() ? "" : ": " + reason), true);
        }
        return new StepFailure(INVALID_INPUT, "ffmpeg cannot process " + source.getFileName() + ": "
                + (reason.isEmpty() ? "exit status " + exit : reason), false);
    }

    /** FFmpeg's first error line, without the input's local path or the log context's address. */
    static String reason(String stderr, Path source) {
        String first = stderr.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
        String absolute = source.toAbsolutePath().toString();
        return first.replace("file:" + absolute, String.valueOf(source.getFileName()))
                .replace(absolute, String.valueOf(source.getFileName()))
                .replaceAll(" @ 0x[0-9a-f]+\\]", "]");
    }

    private static CompletableFuture<Void> readProgress(InputStream stream, ProgressParser parser) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-progress").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String l; (l = reader.readLine()) != null; ) {
                    parser.line(l);
                }
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** Standard error, kept up to a limit, read on a virtual thread until the stream ends. */
    static CompletableFuture<String> readStderr(InputStream stream) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-stderr").start(() -> {
            try (stream) {
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                for (int n; (n = stream.read(buffer)) != -1; ) {
                    kept.write(buffer, 0, Math.max(0, Math.min(n, STDERR_LIMIT - kept.size())));
                }
                done.complete(kept.toString(StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    /** What a reader of FFmpeg's output got, waiting a few seconds at most once FFmpeg has exited. */
    static <T> T await(CompletableFuture<T> pipe) throws StepFailure {
        try {
            return pipe.get(DRAIN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StepFailure(INTERNAL_ERROR, "reading ffmpeg's output failed: " + e, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailure(INTERNAL_ERROR, "interrupted while reading ffmpeg's output", true, e);
        }
    }

    /** Kills FFmpeg and its watchdog, waiting a few seconds at most for them to go. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Turns {@code -progress} lines ({@code out_time_us=...}; older FFmpeg also prints the same
     * microseconds as {@code out_time_ms}) into a percentage of the duration, 0–99, never decreasing.
     */
    static final class ProgressParser {
        private final double durationMicros;
        private final ProgressListener listener;
        private int reported = -1;

        ProgressParser(double durationSeconds, ProgressListener listener) {
            this.durationMicros = durationSeconds * 1_000_000;
            this.listener = listener;
        }

        void line(String line) {
            int eq = line.indexOf('=');
            if (eq < 0 || listener == null || !(durationMicros > 0)) {
                return;
            }
            String key = line.substring(0, eq).strip();
            if (!key.equals("out_time_us") && !key.equals("out_time_ms")) {
                return;
            }
            long micros;
            try {
                micros = Long.parseLong(line.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                return; // "N/A" before the first frame
            }
            int percent = (int) Math.max(0, Math.min(99, Math.floor(micros * 100.0 / durationMicros)));
            if (percent > reported) {
                reported = percent;
                listener.progress(percent);
            }
        }
    }
}
