package io.openvod.platform.flow.steps;

import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.TaskStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * JPEGs of the source every {@code interval} seconds (from the start, at most {@code maxFrames})
     * into {@code work/<dirName>/0.jpg, 1.jpg …}, in one FFmpeg run; returns the files in order.
     */
    static List<Path> sample(FfmpegJob ffmpeg, Path source, Path work, String dirName, double duration, double interval,
                             int maxFrames, Duration baseTimeout, TaskStep.ProgressListener progress) throws StepFailure {
        Path directory = work.resolve(dirName);
        try {
            OwnerOnly.createDirectories(directory);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot create a working directory: " + e.getMessage(), true, e);
        }
        // A millisecond less than the interval, so that frame times rounded by the container still match.
        String select = "select='isnan(prev_selected_t)+gte(t-prev_selected_t," + StepSupport.seconds(interval - 0.001) + ")'";
        ffmpeg.run(List.of("-protocol_whitelist", "file", "-i", StepSupport.file(source), "-map", "0:v:0",
                "-vf", select, "-fps_mode", "vfr", "-frames:v", String.valueOf(maxFrames), "-q:v", "3",
                "-start_number", "0", "-f", "image2", StepSupport.file(directory.resolve("%d.jpg"))),
                source, duration, baseTimeout.plusMillis((long) (duration * 1000)), progress);
        List<Path> frames = new ArrayList<>();
        for (int n = 0; Files.isRegularFile(directory.resolve(n + ".jpg")); n++) {
            frames.add(directory.resolve(n + ".jpg"));
        }
        return frames;
    }

    /** Fails, not retryable, for a source with nothing to take a picture of. */
    static void requireVideo(io.openvod.platform.media.MediaMetadata source, Path file) throws StepFailure {
        if (source.videoStreams().isEmpty()) {
            throw new StepFailure(io.openvod.platform.flow.TaskErrors.NO_VIDEO, file.getFileName()
                    + " has no video stream to take a picture of",
                    false);
        }
    }
}
