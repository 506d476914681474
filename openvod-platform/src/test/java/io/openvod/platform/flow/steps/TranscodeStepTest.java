package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.security.MessageDigest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscodeStepTest {
    @TempDir
    static Path clips;
    static Path clip;

    @TempDir
    Path temp;

    private final TranscodeStep step = new TranscodeStep(FfmpegTools.bundled());
    private final MediaProbe probe = new MediaProbe(FfmpegTools.bundled());

    @BeforeAll
    static void makeClip() {
        clip = TestClips.mp4(clips.resolve("clip.mp4"), Duration.ofSeconds(3), 640, 480);
    }

    @Test
    void transcodesToThePresetsHeightKeepingTheAspectRatio() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        TestOutputs.Progress progress = new TestOutputs.Progress();

        ObjectNode item = step.run(TestOutputs.input(temp, clip, 3, TestOutputs.json().put("Definition", 100010), outputs),
                progress);

        assertThat(step.type()).isEqualTo("Transcode");
        assertThat(item.path("Url").asText()).isEqualTo(TestOutputs.BASE + "transcode/100010.mp4");
        Path file = outputs.file(item.path("Url").asText());
        MediaMetadata played = probe.probe(file);
        assertThat(played.videoStreams()).singleElement().satisfies(video -> {
            assertThat(video.codec()).isEqualTo("h264");
            assertThat(video.width()).isEqualTo(480);
            assertThat(video.height()).isEqualTo(360);
            assertThat(video.fps()).isEqualTo(25);
        });
        assertThat(played.audioStreams()).singleElement().satisfies(audio -> {
            assertThat(audio.codec()).isEqualTo("aac");
            assertThat(audio.samplingRate()).isEqualTo(44_100);
        });
        assertThat(played.duration()).isCloseTo(3f, within(0.15f));

        assertThat(item.path("Definition").asLong()).isEqualTo(100010);
        assertThat(item.path("Width").asInt()).isEqualTo(480);
        assertThat(item.path("Height").asInt()).isEqualTo(360);
        assertThat(item.path("Size").asLong()).isEqualTo(Files.size(file));
        assertThat(item.path("Bitrate").asLong()).isPositive();
        assertThat(item.path("Duration").asDouble()).isCloseTo(3, within(0.15));
        assertThat(item.path("Container").asText()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
        assertThat(item.path("Md5").asText()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file))));
        assertThat(item.path("VideoStreamSet").get(0).path("Codec").asText()).isEqualTo("h264");
        assertThat(item.path("AudioStreamSet").get(0).path("Codec").asText()).isEqualTo("aac");
        assertThat(item.path("DigitalWatermarkType").asText()).isEqualTo("None");

        assertThat(progress.reports).isSorted().endsWith(100);
        assertThat(progress.reports).doesNotHaveDuplicates();
    }

    @Test
    void neverUpscalesASmallSource() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        ObjectNode item = step.run(TestOutputs.input(temp, clip, 0, TestOutputs.json().put("Definition", "100020"), outputs),
                null);

        assertThat(item.path("Width").asInt()).isEqualTo(640);
        assertThat(item.path("Height").asInt()).isEqualTo(480);
        assertThat(outputs.stored).containsExactly("transcode/100020.mp4");
    }

    @Test
    void anUnknownDefinitionIsRefused() {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        assertThatThrownBy(() -> step.run(TestOutputs.input(temp, clip, 3, TestOutputs.json().put("Definition", 12345),
                outputs), null))
                .isInstanceOfSatisfying(StepFailure.class, failure -> {
                    assertThat(failure.errCodeExt()).isEqualTo("InvalidInput.DefinitionNotExist");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).contains("12345");
                });
        assertThatThrownBy(() -> step.run(TestOutputs.input(temp, clip, 3, TestOutputs.json(), outputs), null))
                .isInstanceOfSatisfying(StepFailure.class,
                        failure -> assertThat(failure.errCodeExt()).isEqualTo("InvalidInput.DefinitionNotExist"));
    }

    @Test
    void aCorruptInputFailsForGood() {
        Path corrupt = TestClips.bytes(temp.resolve("corrupt.mp4"), 200_000, 7);
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        assertThatThrownBy(() -> step.run(TestOutputs.input(temp, corrupt, 0, TestOutputs.json().put("Definition", 100010),
                outputs), null))
                .isInstanceOfSatisfying(StepFailure.class, failure -> {
                    assertThat(failure.errCodeExt()).isEqualTo("SourceFileError.ContentMalformed");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).contains("corrupt.mp4").doesNotContain(temp.toString());
                });
        assertThat(outputs.stored).isEmpty();
    }

    @Test
    void presetsScaleTheShorterSideAndKeepEvenSizes() {
        TranscodePreset ld = TranscodePreset.mp4(100010).orElseThrow();
        assertThat(ld.outputSize(1920, 1080)).containsExactly(640, 360);
        assertThat(ld.outputSize(1080, 1920)).containsExactly(360, 640);
        assertThat(ld.outputSize(320, 240)).containsExactly(320, 240);
        assertThat(ld.outputSize(333, 251)).containsExactly(332, 250);
        assertThat(TranscodePreset.mp4(100030).orElseThrow().outputSize(3840, 2160)).containsExactly(1280, 720);
        assertThat(TranscodePreset.mp4(100210)).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aSmallFileWhoseHeaderClaimsHoursIsTranscodedAsTheSecondsItHolds() throws Exception {
        Path forged = io.openvod.platform.media.ForgedClips.longHeader(temp.resolve("forged.mp4"), 3 * 3600);
        assertThat(probe.probe(forged).duration()).as("the header's claim").isGreaterThan(3 * 3600 - 1);
        double holds = Files.size(forged) / 64.0; // StepSupport.MIN_BYTES_PER_SECOND
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        ObjectNode item = step.run(TestOutputs.input(temp, forged, 3 * 3600, TestOutputs.json().put("Definition", 100010), outputs),
                null);

        assertThat(Files.size(forged)).isLessThan(4096);
        double written = probe.probe(outputs.file(item.path("Url").asText())).duration();
        assertThat(written).as("seconds transcoded").isLessThanOrEqualTo(holds + 2);
        assertThat(item.path("Duration").asDouble()).isLessThanOrEqualTo(holds + 2);
    }

    @Test
    void mediaClaimingMoreThanTheMaximumDurationIsRefusedWithoutRunningFfmpeg() throws Exception {
        Path forged = io.openvod.platform.media.ForgedClips.longHeader(temp.resolve("days.mp4"), 10 * 24 * 3600);
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        StepInput days = TestOutputs.input(temp, forged, 0, TestOutputs.json().put("Definition", 100010), outputs);

        assertThatThrownBy(() -> step.run(days, null))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.errCodeExt()).isEqualTo("SourceFileError.ContentUnsupported");
                    assertThat(f.retryable()).isFalse();
                    assertThat(f.getMessage()).contains("864000 s", "21600 s", "platform.flows.maxDuration");
                });
        assertThat(outputs.file(TestOutputs.BASE + "transcode/100010.mp4")).doesNotExist();
    }
}
