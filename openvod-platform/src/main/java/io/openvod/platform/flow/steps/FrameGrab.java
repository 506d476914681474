package io.openvod.platform.flow.steps;

import io.openvod.platform.flow.StepFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One JPEG of the source's picture at a position, at the source's size:
 * {@code -ss T -i SOURCE -map 0:v:0 -frames:v 1 -q:v 3 -f image2 -update 1 OUT.jpg}. Seeking
 * before the input is fast and FFmpeg still decodes up to the exact position.
 */
final class FrameGrab {
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private FrameGrab() {
    }

    static void grab(FfmpegJob ffmpeg, Path source, double seconds, Path target) throws StepFailure {
        ffmpeg.run(List.of("-ss", StepSupport.seconds(seconds), "-protocol_whitelist", "file",
                "-i", StepSupport.file(source), "-map", "0:v:0", "-frames:v", "1", "-q:v", "3",
                "-f", "image2", "-update", "1", StepSupport.file(target)), source, 0, TIMEOUT, null);
        StepSupport.requireOutput(target, "picture at " + StepSupport.seconds(seconds) + " s");
    }

    /** Fails, not retryable, for a source with nothing to take a picture of. */
    static void requireVideo(io.openvod.platform.media.MediaMetadata source, Path file) throws StepFailure {
        if (source.videoStreams().isEmpty()) {
            throw new StepFailure(FfmpegJob.INVALID_INPUT, file.getFileName() + " has no video stream to take a picture of",
                    false);
        }
    }
}
