package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskErrors;
import io.openvod.platform.media.MediaError;
import io.openvod.platform.media.MediaException;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** What the FFmpeg steps share: reading the task input, probing the source, file checksums. */
final class StepSupport {
    static final String INVALID_DEFINITION = TaskErrors.DEFINITION_NOT_EXIST;

    private StepSupport() {
    }

    /** The task input's {@code Definition}, a whole number (a numeric string is accepted). */
    static long definition(StepInput input) throws StepFailure {
        JsonNode node = input.taskInput().path("Definition");
        if (node.canConvertToExactIntegral() && node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText().strip());
        }
        throw new StepFailure(INVALID_DEFINITION, "Definition must be a template id, not " + describe(node), false);
    }

    static String describe(JsonNode node) {
        return node.isMissingNode() ? "missing" : node.toString();
    }

    /**
     * The source's metadata.
     *
     * @throws StepFailure {@code SourceFileError.ContentMalformed} (not retryable) when it is not media
     *     ffprobe can read, or empty; {@code InternalError} (retryable) when ffprobe cannot run or finish
     */
    static MediaMetadata probe(MediaProbe probe, Path source) throws StepFailure {
        try {
            return probe.probe(source);
        } catch (MediaException e) {
            if (e.error() == MediaError.MEDIA_UNREADABLE) {
                throw new StepFailure(FfmpegJob.INVALID_INPUT, e.getMessage(), false, e);
            }
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, e.getMessage(), true, e);
        }
    }

    /**
     * The least bytes a second of real media takes (512 bit/s, below any audio or video codec's
     * usable rate, container included). A file's size over this bounds how long it can really
     * play, whatever its header claims.
     */
    static final long MIN_BYTES_PER_SECOND = 64;

    /**
     * The duration the step plans with (progress, timeouts, the most output FFmpeg may write): the
     * one the engine knows, else the probed one, but never more than the file's size can hold
     * ({@link #MIN_BYTES_PER_SECOND}), so a small file whose header claims hours is processed as
     * the seconds it really holds. 0 when unknown.
     *
     * @throws StepFailure {@code SourceFileError.ContentUnsupported} (not retryable) when the claimed
     *     duration is longer than the platform processes ({@code platform.flows.maxDuration})
     */
    static double duration(StepInput input, MediaMetadata source) throws StepFailure {
        double claimed = Math.max(input.durationSeconds(), source.duration());
        if (claimed > input.maxDurationSeconds()) {
            throw new StepFailure(TaskErrors.SOURCE_UNSUPPORTED, io.openvod.platform.flow.FlowEngine.tooLong(claimed,
                    input.maxDurationSeconds()), false);
        }
        double known = input.durationSeconds() > 0 ? input.durationSeconds() : source.duration();
        return Math.min(known, plausibleSeconds(source.size()));
    }

    /** The longest a file of {@code size} bytes can really play. */
    static double plausibleSeconds(long size) {
        return Math.max(1, size) / (double) MIN_BYTES_PER_SECOND;
    }

    /** Lower-case hex MD5 of a file. */
    static String md5(Path file) throws StepFailure {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot read the output " + file.getFileName() + ": "
                    + e.getMessage(), true, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required algorithm", e);
        }
    }

    /** Seconds as FFmpeg reads them, with a dot and millisecond precision. */
    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** FFmpeg's name for a local file, so that a name with a colon is never read as a protocol. */
    static String file(Path path) {
        return "file:" + path.toAbsolutePath();
    }

    /** Fails when FFmpeg exited well but wrote no file (e.g. a position past the last frame). */
    static void requireOutput(Path file, String what) throws StepFailure {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                throw new StepFailure(FfmpegJob.INVALID_INPUT, "ffmpeg produced no " + what
                        + " (the source has no decodable frame there)", false);
            }
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot read the output " + file.getFileName() + ": "
                    + e.getMessage(), true, e);
        }
    }

    /** Where a frame at {@code seconds} is grabbed: never before 0, never past the last frames. */
    static double clampOffset(double seconds, double duration) {
        double latest = duration > 0 ? Math.max(0, duration - 0.1) : Double.MAX_VALUE;
        return Math.max(0, Math.min(seconds, latest));
    }
}
