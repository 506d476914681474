package io.openvod.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.openvod.platform.media.MediaMetadata.DynamicRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {
    @TempDir
    static Path clips;
    static Path clip;

    private final MediaProbe probe = new MediaProbe(FfmpegTools.bundled());

    @BeforeAll
    static void makeClip() {
        clip = TestClips.mp4(clips.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240);
    }

    @Test
    void readsARealClip() throws IOException {
        MediaMetadata metadata = probe.probe(clip);

        assertThat(metadata.container()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(metadata.size()).isEqualTo(Files.size(clip));
        assertThat(metadata.duration()).isCloseTo(2f, within(0.1f));
        assertThat(metadata.videoDuration()).isCloseTo(2f, within(0.1f));
        assertThat(metadata.audioDuration()).isCloseTo(2f, within(0.1f));
        assertThat(metadata.width()).isEqualTo(320);
        assertThat(metadata.height()).isEqualTo(240);
        assertThat(metadata.rotate()).isZero();
        assertThat(metadata.bitrate()).isPositive();
        assertThat(metadata.videoStreams()).singleElement().satisfies(video -> {
            assertThat(video.codec()).isEqualTo("h264");
            assertThat(video.fps()).isEqualTo(25);
            assertThat(video.width()).isEqualTo(320);
            assertThat(video.height()).isEqualTo(240);
            assertThat(video.bitrate()).isPositive();
            assertThat(video.codecTag()).isEmpty();
            assertThat(video.dynamicRange()).isEqualTo(DynamicRange.SDR);
        });
        assertThat(metadata.audioStreams()).singleElement().satisfies(audio -> {
            assertThat(audio.codec()).isEqualTo("aac");
            assertThat(audio.samplingRate()).isEqualTo(44100);
            assertThat(audio.bitrate()).isPositive();
        });
    }

    @Test
    void readsTheRotationOfAPortraitPhoneClip(@TempDir Path dir) {
        // A display matrix turning the picture 90 degrees counter-clockwise: Rotate is clockwise, 270.
        Path rotated = TestClips.ffmpeg(dir.resolve("rotated.mp4"), List.of("-nostdin", "-v", "error",
                "-display_rotation", "90", "-i", clip.toString(), "-c", "copy", dir.resolve("rotated.mp4").toString()));

        assertThat(probe.probe(rotated).rotate()).isEqualTo(270);
    }

    @Test
    void randomBytesAreNotMediaWhateverTheirName(@TempDir Path dir) {
        for (String name : new String[] {"random", "random.mp4", "random.bin", "random.mp3", "random.ts"}) {
            Path file = TestClips.bytes(dir.resolve(name), 1 << 20, 42);
            assertUnreadable(() -> probe.probe(file), name);
        }
    }

    @Test
    void aClipCutBeforeItsIndexIsUnreadable(@TempDir Path dir) throws IOException {
        Path whole = TestClips.mp4(dir.resolve("moov-last.mp4"), Duration.ofSeconds(2), 320, 240, false);
        Path half = firstHalf(whole, dir.resolve("half.mp4"));

        assertUnreadable(() -> probe.probe(half), "moov atom not found");
    }

    @Test
    void aClipCutAfterItsIndexReportsTheDeclaredDurationAndItsRealSize(@TempDir Path dir) throws IOException {
        Path half = firstHalf(clip, dir.resolve("half.mp4"));

        MediaMetadata metadata = probe.probe(half);

        assertThat(metadata.size()).isEqualTo(Files.size(clip) / 2);
        assertThat(metadata.duration()).isCloseTo(2f, within(0.1f));
    }

    @Test
    void aMissingFileIsUnreadable(@TempDir Path dir) {
        assertUnreadable(() -> probe.probe(dir.resolve("gone.mp4")), "gone.mp4");
        assertUnreadable(() -> probe.probe(dir), "no file");
    }

    @Test
    void errorMessagesNameTheFileNotItsLocalPath(@TempDir Path dir) {
        Path file = TestClips.bytes(dir.resolve("noise.mp4"), 4096, 7);

        assertThatThrownBy(() -> probe.probe(file)).hasMessageContaining("noise.mp4")
                .hasMessageNotContaining(dir.toString());
    }

    static Path firstHalf(Path source, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            out.write(in.readNBytes((int) (Files.size(source) / 2)));
        }
        return target;
    }

    static void assertUnreadable(ThrowingCallable call, String messagePart) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.error()).isEqualTo(MediaError.MEDIA_UNREADABLE))
                .hasMessageContaining(messagePart);
    }

    static FfmpegTools withFakeFfprobe(Path dir, String body) throws IOException {
        Path script = Files.writeString(dir.resolve("ffprobe"), """
                #!/bin/sh
                if [ "$1" = "-version" ]; then echo "ffprobe version 0.0-fake"; exit 0; fi
                """ + body + "\n");
        script.toFile().setExecutable(true);
        return new FfmpegTools(Optional.empty(), Optional.of(script));
    }
}
