package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.review.RgbFrame;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Frames streamed from FFmpeg as RGB while it decodes, with the JPEG of each beside. */
class FrameStreamTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @TempDir
    Path temp;

    private final FfmpegTools tools = FfmpegTools.bundled();

    @Test
    void eachSampledFrameArrivesAsPixelsAndAsTheSamePictureInAJpeg() throws Exception {
        // The test pattern with its hue turning a quarter every 2 s: each sampled frame looks unlike the others.
        Path clip = temp.resolve("turning.mp4");
        TestClips.ffmpeg(clip, List.of("-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=320x240:rate=25:duration=7", "-vf", "hue=H=PI*t/4", "-c:v", "libx264", "-pix_fmt", "yuv420p",
                clip.toString()));
        List<RgbFrame> frames = new ArrayList<>();
        List<Path> jpegs;
        try (FrameStream stream = FrameStream.start(tools, clip, temp, "review", 7, 2, 100, TIMEOUT)) {
            for (RgbFrame frame; (frame = stream.next()) != null; ) {
                frames.add(frame);
            }
            jpegs = stream.finish();
        }

        assertThat(frames).as("one frame every 2 s of 7 s: at 0, 2, 4 and 6 s").hasSize(4);
        assertThat(jpegs).hasSize(4).allSatisfy(jpeg -> assertThat(jpeg).isNotEmptyFile());
        assertThat(jpegs.getFirst()).isEqualTo(temp.resolve("review/0.jpg"));
        for (int n = 0; n < frames.size(); n++) {
            RgbFrame frame = frames.get(n);
            assertThat(frame.index()).isEqualTo(n);
            assertThat(frame.width()).isEqualTo(320);
            assertThat(frame.height()).isEqualTo(240);
            // A frame matches its own JPEG closely (JPEG's loss and colour conversion aside), the others not.
            double own = meanDifference(frame, jpegs.get(n));
            assertThat(own).as("frame %d against its JPEG", n).isLessThan(4);
            for (int other = 0; other < 4; other++) {
                if (other != n) {
                    assertThat(meanDifference(frame, jpegs.get(other))).as("frame %d against JPEG %d", n, other)
                            .isGreaterThan(own + 10);
                }
            }
        }
        // The JPEGs are the ones sampling alone writes, byte for byte.
        List<Path> sampled = FrameGrab.sample(new FfmpegJob(tools), clip, temp, "sampled", 7, 2, 100, TIMEOUT, null);
        assertThat(sampled).hasSize(4);
        for (int n = 0; n < 4; n++) {
            assertThat(Files.readAllBytes(jpegs.get(n))).isEqualTo(Files.readAllBytes(sampled.get(n)));
        }
    }

    @Test
    void aLargePictureIsScaledDownToAtMost1920By1080PixelsItsAspectKept() throws Exception {
        Path clip = TestClips.mp4(temp.resolve("large.mp4"), Duration.ofSeconds(1), 2560, 1440);
        try (FrameStream stream = FrameStream.start(tools, clip, temp, "review", 1, 2, 100, TIMEOUT)) {
            RgbFrame frame = stream.next();
            assertThat(stream.next()).isNull();
            assertThat(stream.finish()).hasSize(1);
            assertThat(frame.width()).isEqualTo(1920);
            assertThat(frame.height()).isEqualTo(1080);
        }
    }

    @Test
    void maxFramesIsTheMostFfmpegHandsOver() throws Exception {
        Path clip = TestClips.mp4(temp.resolve("clip.mp4"), Duration.ofSeconds(7), 160, 120);
        try (FrameStream stream = FrameStream.start(tools, clip, temp, "review", 7, 2, 2, TIMEOUT)) {
            assertThat(stream.next()).isNotNull();
            assertThat(stream.next()).isNotNull();
            assertThat(stream.next()).isNull();
            assertThat(stream.finish()).hasSize(2);
        }
    }

    @Test
    void anUndecodableInputFailsAsTheInputsFault() throws Exception {
        Path junk = TestClips.bytes(temp.resolve("junk.mp4"), 64 * 1024, 7);
        try (FrameStream stream = FrameStream.start(tools, junk, temp, "review", 0, 2, 100, TIMEOUT)) {
            assertThat(stream.next()).isNull();
            assertThatThrownBy(stream::finish).isInstanceOfSatisfying(StepFailure.class, f -> {
                assertThat(f.errCodeExt()).isEqualTo(FfmpegJob.INVALID_INPUT);
                assertThat(f.retryable()).isFalse();
                assertThat(f.getMessage()).contains("junk.mp4").doesNotContain(temp.toString());
            });
        }
    }

    @Test
    void closingAStreamHalfWayEndsFfmpeg() throws Exception {
        Path clip = TestClips.mp4(temp.resolve("clip.mp4"), Duration.ofSeconds(21), 320, 240);
        FrameStream stream = FrameStream.start(tools, clip, temp, "review", 21, 2, 100, TIMEOUT);
        assertThat(stream.next()).isNotNull();
        List<ProcessHandle> running = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(clip.toString())).toList();
        assertThat(running).as("ffmpeg under its watchdog").isNotEmpty();
        stream.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(running).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void thePipeFormatIsReadStrictly() throws Exception {
        byte[] pixels = new byte[2 * 3 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        byte[] two = concat(ppm("P6\n2 3\n255\n", pixels), ppm("P6 2 3 255 ", pixels));
        ByteArrayInputStream in = new ByteArrayInputStream(two);
        RgbFrame first = FrameStream.readPpm(in, 0, 100);
        RgbFrame second = FrameStream.readPpm(in, 1, 100);
        assertThat(first.width()).isEqualTo(2);
        assertThat(first.height()).isEqualTo(3);
        assertThat(first.pixels()).isEqualTo(pixels);
        assertThat(second.index()).isEqualTo(1);
        assertThat(second.pixels()).isEqualTo(pixels);
        assertThat(FrameStream.readPpm(in, 2, 100)).as("the end of the stream").isNull();

        assertThatThrownBy(() -> read(ppm("P5\n2 3\n255\n", pixels))).isInstanceOf(IOException.class).hasMessageContaining("P6");
        assertThatThrownBy(() -> read(ppm("P6\n2 3\n65535\n", pixels))).hasMessageContaining("maximum value 65535");
        assertThatThrownBy(() -> read(ppm("P6\n2 x\n255\n", pixels))).hasMessageContaining("height is not a number");
        assertThatThrownBy(() -> read(ppm("P6\n200000 3\n255\n", pixels))).hasMessageContaining("more than 5 digits");
        assertThatThrownBy(() -> read(ppm("P6\n20 30\n255\n", pixels))).as("over the pixel limit")
                .hasMessageContaining("20x30 pixels (at most 100)");
        assertThatThrownBy(() -> read(ppm("P6\n0 3\n255\n", pixels))).hasMessageContaining("0x3");
        assertThatThrownBy(() -> read(ppm("P6\n2 3\n255\n", new byte[5]))).isInstanceOf(EOFException.class)
                .hasMessageContaining("after 5 of 18 bytes");
        assertThatThrownBy(() -> read("P6\n2 3".getBytes(StandardCharsets.US_ASCII))).hasMessageContaining("cut off");
    }

    @Test
    void framesAreCheckedForTheirSize() {
        assertThatThrownBy(() -> new RgbFrame(0, 2, 2, new byte[11])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds 12 bytes, not 11");
        assertThatThrownBy(() -> new RgbFrame(-1, 2, 2, new byte[12])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RgbFrame(0, 0, 2, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static RgbFrame read(byte[] bytes) throws IOException {
        return FrameStream.readPpm(new ByteArrayInputStream(bytes), 0, 100);
    }

    private static byte[] ppm(String header, byte[] pixels) {
        return concat(header.getBytes(StandardCharsets.US_ASCII), pixels);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** The mean absolute difference of the channels of the frame and the JPEG (0–255). */
    private static double meanDifference(RgbFrame frame, Path jpeg) throws IOException {
        BufferedImage image = ImageIO.read(jpeg.toFile());
        assertThat(image.getWidth()).isEqualTo(frame.width());
        assertThat(image.getHeight()).isEqualTo(frame.height());
        long sum = 0;
        byte[] p = frame.pixels();
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int rgb = image.getRGB(x, y);
                int i = (y * frame.width() + x) * 3;
                sum += Math.abs(((rgb >> 16) & 0xff) - (p[i] & 0xff)) + Math.abs(((rgb >> 8) & 0xff) - (p[i + 1] & 0xff))
                        + Math.abs((rgb & 0xff) - (p[i + 2] & 0xff));
            }
        }
        return sum / (3.0 * frame.width() * frame.height());
    }
}
