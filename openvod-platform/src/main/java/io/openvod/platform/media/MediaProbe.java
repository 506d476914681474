package io.openvod.platform.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a media file's metadata with {@code ffprobe}. The probe reads the container's headers, not
 * every frame: a file cut short after a complete index (an MP4 with its {@code moov} box first)
 * reports the duration its index declares and its real, smaller size; one cut short before its
 * index is {@link MediaError#MEDIA_UNREADABLE}. Checking that an upload is complete is the job of
 * the upload path (size and checksum), not of the probe.
 *
 * <p>ffprobe may only open local files ({@code -protocol_whitelist file}), so a playlist inside an
 * upload cannot make it fetch URLs. Safe for concurrent use; each call runs its own process.
 */
public final class MediaProbe {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** ffprobe's JSON report is kept up to this size; a larger one is refused. */
    static final int MAX_REPORT_BYTES = 4 * 1024 * 1024;
    private static final int MAX_STDERR_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(MediaProbe.class);

    private final FfmpegTools tools;
    private final Duration timeout;

    public MediaProbe(FfmpegTools tools) {
        this(tools, DEFAULT_TIMEOUT);
    }

    public MediaProbe(FfmpegTools tools, Duration timeout) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * The metadata of {@code file}.
     *
     * @throws MediaException {@link MediaError#MEDIA_UNREADABLE} when the file is missing, empty, not
     *     media, or has no audio or video stream; {@link MediaError#PROBE_FAILED} when ffprobe runs past the
     *     timeout or crashes; {@link MediaError#FFMPEG_UNAVAILABLE} when ffprobe cannot be started
     */
    public MediaMetadata probe(Path file) {
        String name = String.valueOf(file.getFileName());
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new MediaException(MediaError.MEDIA_UNREADABLE, "no file " + name + " to probe");
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new MediaException(MediaError.MEDIA_UNREADABLE, "cannot read " + name + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new MediaException(MediaError.MEDIA_UNREADABLE, name + " is empty (0 bytes): there is no media to read");
        }
        String input = "file:" + file.toAbsolutePath();
        ProcessBuilder command = tools.ffprobeCommand(List.of("-v", "error", "-protocol_whitelist", "file",
                "-print_format", "json", "-show_format", "-show_streams", input));
        long started = System.nanoTime();
        ToolRun.Result run;
        try {
            run = ToolRun.run(command, timeout, MAX_REPORT_BYTES, MAX_STDERR_BYTES);
        } catch (TimeoutException e) {
            throw new MediaException(MediaError.PROBE_FAILED,
                    "ffprobe did not finish " + name + " within " + timeout.toMillis() + " ms and was killed", e);
        } catch (IOException e) {
            throw new MediaException(MediaError.FFMPEG_UNAVAILABLE, "ffprobe could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaException(MediaError.PROBE_FAILED, "interrupted while probing " + name, e);
        }
        log.debug("ffprobe {}: exit {} in {} ms", name, run.exitCode(), (System.nanoTime() - started) / 1_000_000);
        // ffprobe names the input by its full local path and tags log lines with an address: keep neither.
        String problem = run.firstStderrLine().replace(input, name).replaceAll(" @ 0x[0-9a-f]+\\]", "]");
        if (run.exitCode() >= 128) {
            throw new MediaException(MediaError.PROBE_FAILED, "ffprobe crashed on " + name + " (signal "
                    + (run.exitCode() - 128) + ")" + (problem.isEmpty() ? "" : ": " + problem));
        }
        if (run.exitCode() != 0) {
            throw new MediaException(MediaError.MEDIA_UNREADABLE, "ffprobe cannot read " + name + ": "
                    + (problem.isEmpty() ? "exit status " + run.exitCode() : problem));
        }
        if (run.stdoutTruncated()) {
            throw new MediaException(MediaError.MEDIA_UNREADABLE,
                    "ffprobe's report on " + name + " is larger than " + MAX_REPORT_BYTES + " bytes");
        }
        JsonNode report;
        try {
            report = JSON.readTree(run.stdout());
        } catch (IOException e) {
            throw new MediaException(MediaError.PROBE_FAILED, "ffprobe's report on " + name + " is not JSON", e);
        }
        if (report == null || !report.isObject()) {
            throw new MediaException(MediaError.PROBE_FAILED, "ffprobe printed no report on " + name);
        }
        return FfprobeReport.toMetadata(report, size, name);
    }
}
