package io.openvod.platform.media;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeoutException;

/**
 * Test files: real MP4 clips made with the bundled FFmpeg (a test pattern with a 440 Hz tone,
 * H.264 + AAC at 25 frames per second), and arbitrary bytes that are not media. Shared with other
 * modules' tests through this module's test jar.
 */
public final class TestClips {
    private static final Duration ENCODE_TIMEOUT = Duration.ofMinutes(2);
    private static final int CHUNK = 64 * 1024;

    private TestClips() {
    }

    /** An MP4 with its index ({@code moov}) first, ready for progressive playback. */
    public static Path mp4(Path target, Duration length, int width, int height) {
        return mp4(target, length, width, height, true);
    }

    /**
     * An MP4 of the given length and picture size: H.264 video at 25 fps and mono AAC audio.
     *
     * @param faststart true to put the index first, false to leave it at the end as FFmpeg writes it
     * @return {@code target}
     */
    public static Path mp4(Path target, Duration length, int width, int height, boolean faststart) {
        String seconds = String.format(Locale.ROOT, "%.3f", length.toMillis() / 1000.0);
        List<String> args = new ArrayList<>(List.of("-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=duration=" + seconds + ":size=" + width + "x" + height + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
        if (faststart) {
            args.addAll(List.of("-movflags", "+faststart"));
        }
        args.addAll(List.of("-shortest", target.toAbsolutePath().toString()));
        return ffmpeg(target, args);
    }

    /** Runs the bundled {@code ffmpeg} with {@code args}, which should write {@code target}. */
    public static Path ffmpeg(Path target, List<String> args) {
        try {
            createParent(target);
            ToolRun.Result run = ToolRun.run(FfmpegTools.bundled().ffmpegCommand(args), ENCODE_TIMEOUT,
                    64 * 1024, 64 * 1024);
            if (run.exitCode() != 0 || !Files.isRegularFile(target)) {
                throw new IllegalStateException("ffmpeg " + args + " failed (" + run.exitCode() + "): " + run.stderr());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("ffmpeg " + args + " did not finish", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * {@code size} pseudo-random bytes that depend only on {@code seed}, written in a stream (fast
     * enough for files of gigabytes). The first n bytes are the same whatever the size.
     *
     * @return {@code target}
     */
    public static Path bytes(Path target, long size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("size < 0: " + size);
        }
        SplittableRandom random = new SplittableRandom(seed);
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        try {
            createParent(target);
            try (OutputStream out = Files.newOutputStream(target)) {
                for (long left = size; left > 0; left -= CHUNK) {
                    chunk.clear();
                    while (chunk.hasRemaining()) {
                        chunk.putLong(random.nextLong());
                    }
                    out.write(chunk.array(), 0, (int) Math.min(CHUNK, left));
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
