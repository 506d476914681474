package io.openvod.platform.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one FFmpeg tool as a child process: standard input closed, both output pipes drained
 * concurrently (so a chatty tool never blocks on a full pipe), each kept up to a limit and the
 * rest read and dropped, and the process killed when it passes its deadline.
 */
final class ToolRun {
    /** How long to wait for the pipes to reach their end once the process has exited. */
    private static final long DRAIN_GRACE_SECONDS = 5;

    /** What a finished process left behind. Exit statuses of 128 and above mean a signal ended it. */
    record Result(int exitCode, byte[] stdout, boolean stdoutTruncated, String stderr) {

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The first non-blank line of standard error, or "" when there is none. */
        String firstStderrLine() {
            return stderr.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst().orElse("");
        }
    }

    private record Captured(byte[] bytes, boolean truncated) {
    }

    private ToolRun() {
    }

    /**
     * Starts the command and waits for it.
     *
     * @throws IOException when the process cannot be started or its pipes fail
     * @throws TimeoutException when it runs past {@code timeout}; it has been killed by then
     */
    static Result run(ProcessBuilder command, Duration timeout, int stdoutLimit, int stderrLimit)
            throws IOException, TimeoutException, InterruptedException {
        Process process = command.start();
        process.getOutputStream().close();
        CompletableFuture<Captured> out = drain(process.getInputStream(), stdoutLimit);
        CompletableFuture<Captured> err = drain(process.getErrorStream(), stderrLimit);
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                kill(process);
                throw new TimeoutException("did not finish within " + timeout.toMillis() + " ms; killed");
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        Captured stdout = await(out);
        Captured stderr = await(err);
        return new Result(process.exitValue(), stdout.bytes(), stdout.truncated(),
                new String(stderr.bytes(), StandardCharsets.UTF_8));
    }

    private static CompletableFuture<Captured> drain(InputStream stream, int limit) {
        CompletableFuture<Captured> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-pipe").start(() -> {
            try (stream) {
                result.complete(read(stream, limit));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static Captured read(InputStream stream, int limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[16 * 1024];
        boolean truncated = false;
        for (int n; (n = stream.read(buffer)) != -1; ) {
            int room = limit - kept.size();
            if (n > room) {
                truncated = true;
            }
            kept.write(buffer, 0, Math.max(0, Math.min(n, room)));
        }
        return new Captured(kept.toByteArray(), truncated);
    }

    private static Captured await(CompletableFuture<Captured> pipe) throws IOException, InterruptedException {
        try {
            return pipe.get(DRAIN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException("reading the tool's output failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the tool exited but its output did not end (a leftover child holds the pipe)", e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(DRAIN_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
