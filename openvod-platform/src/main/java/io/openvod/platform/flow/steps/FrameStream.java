package io.openvod.platform.flow.steps;

import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaException;
import io.openvod.platform.review.RgbFrame;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The frames of a review as FFmpeg samples them, handed over one by one while FFmpeg goes on
 * decoding. One FFmpeg run takes the frames exactly as {@link FrameGrab#sample} does (the same
 * {@code select} filter) and writes each twice: as {@code <dirName>/<n>.jpg} ({@code -q:v 3}, the
 * picture a review segment links to) and as a binary PPM ({@code P6 W H 255}, then
 * {@code W × H × 3} bytes of RGB) on its standard output, which {@link #next()} reads. A picture of
 * more than {@value #MAX_PIXELS} pixels (1920 × 1080) is scaled down, its aspect kept, before it is
 * handed over; smaller ones keep their size. FFmpeg waits while the reader does not read (a full
 * pipe), so frames never pile up in memory.
 *
 * <p>Past the deadline FFmpeg is killed and the stream fails as {@code InternalError} (retryable);
 * an exit status other than 0 fails as {@link FfmpegJob} says.
 */
final class FrameStream implements AutoCloseable {
    /** The most pixels of a frame handed over. */
    static final int MAX_PIXELS = 1920 * 1080;
    private static final int MAX_SIDE_DIGITS = 5;
    private static final long EXIT_GRACE_SECONDS = 10;

    private final Process process;
    private final InputStream frames;
    private final CompletableFuture<String> stderr;
    private final Path source;
    private final Path directory;
    private final Duration timeout;
    private final long deadlineNanos;
    private final Thread watchdog;
    private volatile boolean expired;
    private int read;

    private FrameStream(Process process, Path source, Path directory, Duration timeout) {
        this.process = process;
        this.frames = new BufferedInputStream(process.getInputStream(), 1 << 16);
        this.stderr = FfmpegJob.readStderr(process.getErrorStream());
        this.source = source;
        this.directory = directory;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.watchdog = Thread.ofVirtual().name("ffmpeg-deadline").start(this::killAtDeadline);
    }

    /**
     * Starts FFmpeg on {@code source}: a frame every {@code interval} seconds from the start, at most
     * {@code maxFrames}; {@code duration} (seconds, 0 when unknown) limits what it writes, as
     * {@link FfmpegJob} does.
     */
    static FrameStream start(FfmpegTools tools, Path source, Path work, String dirName, double duration, double interval,
                             int maxFrames, Duration timeout) throws StepFailure {
        Path directory = work.resolve(dirName);
        try {
            OwnerOnly.createDirectories(directory);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot create a working directory: " + e.getMessage(), true, e);
        }
        ProcessBuilder command;
        try {
            command = tools.ffmpegCommand(arguments(source, directory, duration, interval, maxFrames));
        } catch (MediaException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, e.getMessage(), true, e);
        }
        Process process;
        try {
            process = command.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "ffmpeg could not start: " + e.getMessage(), true, e);
        }
        return new FrameStream(process, source, directory, timeout);
    }

    /** FFmpeg's command line: one input, the sampling filter split into a JPEG output and a PPM pipe. */
    static List<String> arguments(Path source, Path directory, double duration, double interval, int maxFrames) {
        // A millisecond less than the interval, so that frame times rounded by the container still match.
        String select = "select='isnan(prev_selected_t)+gte(t-prev_selected_t," + StepSupport.seconds(interval - 0.001) + ")'";
        String cap = "if(gt(iw*ih," + MAX_PIXELS + "),max(2,2*trunc(%1$s*sqrt(" + MAX_PIXELS + "/(iw*ih))/2)),%1$s)";
        String graph = "[0:v:0]" + select + ",split=2[jpeg][rgb];[rgb]scale=w='" + cap.formatted("iw") + "':h='"
                + cap.formatted("ih") + "',format=rgb24[raw]";
        List<String> limit = duration > 0 ? List.of("-t", StepSupport.seconds(duration + 1)) : List.of();
        List<String> line = new ArrayList<>(List.of("-nostdin", "-hide_banner", "-v", "error", "-nostats", "-y",
                "-protocol_whitelist", "file", "-i", StepSupport.file(source), "-filter_complex", graph,
                "-map", "[jpeg]", "-fps_mode", "vfr", "-frames:v", String.valueOf(maxFrames), "-q:v", "3",
                "-start_number", "0"));
        line.addAll(limit);
        line.addAll(List.of("-f", "image2", StepSupport.file(directory.resolve("%d.jpg")),
                "-map", "[raw]", "-fps_mode", "vfr", "-frames:v", String.valueOf(maxFrames), "-c:v", "ppm"));
        line.addAll(limit);
        line.addAll(List.of("-f", "image2pipe", "pipe:1"));
        return line;
    }

    /** The next frame, numbered from 0; null once FFmpeg has written them all (then call {@link #finish()}). */
    RgbFrame next() throws StepFailure {
        RgbFrame frame;
        try {
            frame = readPpm(frames, read, MAX_PIXELS);
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (frame != null) {
            read++;
        }
        return frame;
    }

    /**
     * Once {@link #next()} returned null: waits for FFmpeg to exit and returns the JPEG of each frame
     * read, in order.
     *
     * @throws StepFailure as {@link FfmpegJob} fails; {@code InternalError} when FFmpeg wrote a
     *     different number of JPEGs than frames
     */
    List<Path> finish() throws StepFailure {
        StepFailure failure = exitFailure();
        if (failure != null) {
            throw failure;
        }
        List<Path> jpegs = new ArrayList<>();
        for (int n = 0; Files.isRegularFile(directory.resolve(n + ".jpg")); n++) {
            jpegs.add(directory.resolve(n + ".jpg"));
        }
        if (jpegs.size() != read) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "ffmpeg wrote " + jpegs.size() + " pictures but " + read
                    + " frames of " + source.getFileName(), true);
        }
        return jpegs;
    }

    /**
     * Why a frame could not be read: FFmpeg's own failure when it ended (it usually has: it cut its
     * output short), else {@code InternalError}, after killing it.
     */
    private StepFailure unreadable(IOException e) throws StepFailure {
        boolean ended;
        try {
            ended = process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (ended) {
            StepFailure failure = exitFailure();
            if (failure != null) {
                return failure;
            }
        } else {
            FfmpegJob.kill(process);
        }
        return new StepFailure(FfmpegJob.INTERNAL_ERROR, "ffmpeg's frame " + read + " of " + source.getFileName()
                + " cannot be read: " + e.getMessage(), true, e);
    }

    /** The failure FFmpeg's end means, after waiting for it; null when it exited with 0. */
    private StepFailure exitFailure() throws StepFailure {
        try {
            long left = Math.max(0, deadlineNanos - System.nanoTime()) + TimeUnit.SECONDS.toNanos(EXIT_GRACE_SECONDS);
            if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                expired = true;
                FfmpegJob.kill(process);
            }
        } catch (InterruptedException e) {
            FfmpegJob.kill(process);
            Thread.currentThread().interrupt();
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "interrupted while ffmpeg ran", true, e);
        }
        if (expired) {
            return new StepFailure(FfmpegJob.INTERNAL_ERROR, "ffmpeg did not finish within " + timeout.toSeconds()
                    + " s and was killed", true);
        }
        return FfmpegJob.exitFailure(process.exitValue(), FfmpegJob.await(stderr), source);
    }

    private void killAtDeadline() {
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                expired = true;
                FfmpegJob.kill(process);
            }
        } catch (InterruptedException e) {
            // Closed before the deadline.
        }
    }

    /** Kills FFmpeg if it still runs (a review that failed half way). */
    @Override
    public void close() {
        watchdog.interrupt();
        if (process.isAlive()) {
            FfmpegJob.kill(process);
        }
        try {
            frames.close();
        } catch (IOException ignored) {
            // The process is gone; nothing else holds the pipe.
        }
    }

    /**
     * One binary PPM frame ({@code P6}, width, height and {@code 255} separated by whitespace, one
     * whitespace character, then the RGB bytes); null at the end of the stream before a frame.
     *
     * @throws IOException for anything else, a truncated frame or one of more than {@code maxPixels}
     */
    static RgbFrame readPpm(InputStream in, int index, int maxPixels) throws IOException {
        int first = in.read();
        if (first == -1) {
            return null;
        }
        if (first != 'P' || in.read() != '6') {
            throw new IOException("not a binary PPM (P6) frame");
        }
        int width = number(in, "width");
        int height = number(in, "height");
        int max = number(in, "maximum value");
        if (max != 255) {
            throw new IOException("a PPM frame with maximum value " + max + ", not 255");
        }
        if (width < 1 || height < 1 || (long) width * height > maxPixels) {
            throw new IOException("a frame of " + width + "x" + height + " pixels (at most " + maxPixels + ")");
        }
        int size = width * height * 3;
        byte[] pixels = in.readNBytes(size);
        if (pixels.length != size) {
            throw new EOFException("a " + width + "x" + height + " frame cut off after " + pixels.length + " of " + size + " bytes");
        }
        return new RgbFrame(index, width, height, pixels);
    }

    /** A decimal number after optional whitespace, ended by one whitespace character. */
    private static int number(InputStream in, String what) throws IOException {
        int c = in.read();
        while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            c = in.read();
        }
        int value = 0;
        int digits = 0;
        while (c >= '0' && c <= '9') {
            if (++digits > MAX_SIDE_DIGITS) {
                throw new IOException("the PPM " + what + " has more than " + MAX_SIDE_DIGITS + " digits");
            }
            value = value * 10 + (c - '0');
            c = in.read();
        }
        if (digits == 0 || !(c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
            throw new IOException(c == -1 ? "the PPM header is cut off" : "the PPM " + what + " is not a number");
        }
        return value;
    }
}
