package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.TestClips;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStepsTest {
    @TempDir
    static Path clips;
    static Path clip;

    @TempDir
    Path temp;

    private final FfmpegTools tools = FfmpegTools.bundled();
    private final MediaProbe probe = new MediaProbe(tools);

    @BeforeAll
    static void makeClip() {
        clip = TestClips.mp4(clips.resolve("clip.mp4"), Duration.ofSeconds(4), 320, 240);
    }

    @Test
    void snapshotsAtExtendedOffsets() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        ObjectNode task = TestOutputs.json().put("Definition", 10);
        task.putArray("ExtTimeOffsetSet").add("1s").add("50%").add("2.5s").add("99s");
        task.putArray("TimeOffsetSet").add(123);
        TestOutputs.Progress progress = new TestOutputs.Progress();
        SnapshotByTimeOffsetStep step = new SnapshotByTimeOffsetStep(tools);

        ObjectNode output = step.run(TestOutputs.input(temp, clip, 4, task, outputs), progress);

        assertThat(step.type()).isEqualTo("SnapshotByTimeOffset");
        assertThat(output.path("Definition").asLong()).isEqualTo(10);
        JsonNode pictures = output.path("PicInfoSet");
        assertThat(pictures).hasSize(4);
        assertThat(pictures.findValuesAsText("TimeOffset")).containsExactly("1000.0", "2000.0", "2500.0", "3900.0");
        for (int i = 0; i < 4; i++) {
            JsonNode picture = pictures.get(i);
            assertThat(picture.path("Url").asText()).isEqualTo(TestOutputs.BASE + "snapshot/10/" + i + ".jpg");
            assertThat(picture.path("WaterMarkDefinition").isArray()).isTrue();
            assertJpeg(outputs.file(picture.path("Url").asText()), 320, 240);
        }
        assertThat(progress.reports).containsExactly(25, 50, 75, 100);
    }

    @Test
    void snapshotsAtMillisecondOffsets() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        ObjectNode task = TestOutputs.json().put("Definition", 10);
        task.putArray("TimeOffsetSet").add(0).add(1500);

        ObjectNode output = new SnapshotByTimeOffsetStep(tools).run(TestOutputs.input(temp, clip, 0, task, outputs), null);

        assertThat(output.path("PicInfoSet").findValuesAsText("TimeOffset")).containsExactly("0.0", "1500.0");
        assertThat(outputs.stored).containsExactly("snapshot/10/0.jpg", "snapshot/10/1.jpg");
    }

    @Test
    void badOffsetsAndDefinitionsAreRefused() {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        ObjectNode noOffsets = TestOutputs.json().put("Definition", 10);
        ObjectNode badOffset = TestOutputs.json().put("Definition", 10);
        badOffset.putArray("ExtTimeOffsetSet").add("soon");
        ObjectNode badDefinition = TestOutputs.json().put("Definition", 99);
        badDefinition.putArray("ExtTimeOffsetSet").add("1s");
        SnapshotByTimeOffsetStep step = new SnapshotByTimeOffsetStep(tools);

        assertFailure(() -> step.run(TestOutputs.input(temp, clip, 4, noOffsets, outputs), null),
                "InvalidInput.InvalidTimeOffset");
        assertFailure(() -> step.run(TestOutputs.input(temp, clip, 4, badOffset, outputs), null),
                "InvalidInput.InvalidTimeOffset");
        assertFailure(() -> step.run(TestOutputs.input(temp, clip, 4, badDefinition, outputs), null),
                "InvalidInput.DefinitionNotExist");
    }

    @Test
    void samplesEveryTenPercent() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        TestOutputs.Progress progress = new TestOutputs.Progress();
        SampleSnapshotStep step = new SampleSnapshotStep(tools);

        ObjectNode output = step.run(TestOutputs.input(temp, clip, 4, TestOutputs.json().put("Definition", 10), outputs),
                progress);

        assertThat(step.type()).isEqualTo("SampleSnapshot");
        assertThat(output.path("SampleType").asText()).isEqualTo("Percent");
        assertThat(output.path("Interval").asLong()).isEqualTo(10);
        assertThat(output.path("WaterMarkDefinition").isArray()).isTrue();
        JsonNode urls = output.path("ImageUrlSet");
        assertThat(urls).hasSize(10);
        for (int i = 0; i < urls.size(); i++) {
            assertThat(urls.get(i).asText()).isEqualTo(TestOutputs.BASE + "sample/10/" + i + ".jpg");
        }
        assertJpeg(outputs.file(urls.get(9).asText()), 320, 240);
        assertThat(progress.reports).isSorted().endsWith(100);
    }

    @Test
    void samplesByTime() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        SampleSnapshotStep step = new SampleSnapshotStep(tools,
                Map.of(20L, new SampleSnapshotStep.SamplePreset("Time", 1)));

        ObjectNode output = step.run(TestOutputs.input(temp, clip, 0, TestOutputs.json().put("Definition", 20), outputs),
                null);

        assertThat(output.path("SampleType").asText()).isEqualTo("Time");
        assertThat(output.path("Interval").asLong()).isEqualTo(1);
        assertThat(output.path("ImageUrlSet")).hasSize(4);
    }

    @Test
    void coversAtATimeOrAPercentage() throws Exception {
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        CoverBySnapshotStep step = new CoverBySnapshotStep(tools);
        TestOutputs.Progress progress = new TestOutputs.Progress();

        ObjectNode byTime = step.run(TestOutputs.input(temp, clip, 4, TestOutputs.json().put("Definition", 10)
                .put("PositionType", "Time").put("PositionValue", 1.5), outputs), progress);
        byte[] first = Files.readAllBytes(outputs.file(byTime.path("CoverUrl").asText()));
        ObjectNode byPercent = step.run(TestOutputs.input(temp, clip, 4, TestOutputs.json().put("Definition", 10)
                .put("PositionType", "Percent").put("PositionValue", 90), outputs), null);

        assertThat(step.type()).isEqualTo("CoverBySnapshot");
        assertThat(byTime.properties()).hasSize(1);
        assertThat(byTime.path("CoverUrl").asText()).isEqualTo(TestOutputs.BASE + "cover/10.jpg");
        assertThat(byPercent.path("CoverUrl").asText()).isEqualTo(TestOutputs.BASE + "cover/10.jpg");
        assertJpeg(outputs.file(byPercent.path("CoverUrl").asText()), 320, 240);
        assertThat(Files.readAllBytes(outputs.file(byPercent.path("CoverUrl").asText()))).isNotEqualTo(first);
        assertThat(progress.reports).containsExactly(100);

        assertFailure(() -> step.run(TestOutputs.input(temp, clip, 4, TestOutputs.json().put("Definition", 10)
                .put("PositionType", "Frame").put("PositionValue", 1), outputs), null),
                "InvalidInput.ConfigurationUnsupported");
        assertFailure(() -> step.run(TestOutputs.input(temp, clip, 4, TestOutputs.json().put("Definition", 10)
                .put("PositionType", "Time").put("PositionValue", -1), outputs), null),
                "InvalidInput.ConfigurationUnsupported");
    }

    @Test
    void aCorruptInputGetsNoPictures() {
        Path corrupt = TestClips.bytes(temp.resolve("corrupt.mp4"), 100_000, 3);
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        assertFailure(() -> new CoverBySnapshotStep(tools).run(TestOutputs.input(temp, corrupt, 0,
                TestOutputs.json().put("Definition", 10), outputs), null), "SourceFileError.ContentMalformed");
        assertFailure(() -> new SampleSnapshotStep(tools).run(TestOutputs.input(temp, corrupt, 0,
                TestOutputs.json().put("Definition", 10), outputs), null), "SourceFileError.ContentMalformed");
        assertThat(outputs.stored).isEmpty();
    }

    private void assertJpeg(Path file, int width, int height) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(2);
            assertThat(head).containsExactly(0xFF, 0xD8);
        }
        MediaMetadata picture = probe.probe(file);
        assertThat(picture.videoStreams()).singleElement().satisfies(video -> {
            assertThat(video.codec()).isEqualTo("mjpeg");
            assertThat(video.width()).isEqualTo(width);
            assertThat(video.height()).isEqualTo(height);
        });
    }

    private static void assertFailure(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StepFailure.class, failure -> {
            assertThat(failure.errCodeExt()).isEqualTo(code);
            assertThat(failure.retryable()).isFalse();
        });
    }
}
