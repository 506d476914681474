package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.TestClips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptiveDynamicStreamingStepTest {
    @TempDir
    Path temp;

    private final AdaptiveDynamicStreamingStep step = new AdaptiveDynamicStreamingStep(FfmpegTools.bundled());

    @Test
    void packagesRenditionsThatPlayFromWhereTheyAreStored() throws Exception {
        // 8 s at 640x400: renditions 576x360 and 640x400 (100020 and 100030 would both be 640x400).
        Path clip = TestClips.mp4(temp.resolve("clip.mp4"), Duration.ofSeconds(8), 640, 400);
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        TestOutputs.Progress progress = new TestOutputs.Progress();

        ObjectNode output = step.run(TestOutputs.input(temp, clip, 8, TestOutputs.json().put("Definition", 10), outputs),
                progress);

        assertThat(step.type()).isEqualTo("AdaptiveDynamicStreaming");
        assertThat(output.path("Package").asText()).isEqualTo("HLS");
        assertThat(output.path("Url").asText()).isEqualTo(TestOutputs.BASE + "hls/10/index.m3u8");
        assertThat(outputs.stored.getLast()).isEqualTo("hls/10/index.m3u8");
        assertThat(outputs.stored).contains("hls/10/100010/index.m3u8", "hls/10/100010/seg-0.ts",
                "hls/10/100010/seg-1.ts", "hls/10/100020/index.m3u8").noneMatch(name -> name.contains("100030"));
        assertThat(output.path("SubStreamSet").findValuesAsText("Width")).containsExactly("576", "640");
        assertThat(output.path("SubStreamSet").findValuesAsText("Height")).containsExactly("360", "400");

        Path master = outputs.file(output.path("Url").asText());
        List<String> lines = Files.readAllLines(master);
        assertThat(lines).contains("100010/index.m3u8", "100020/index.m3u8");
        assertThat(lines.get(0)).isEqualTo("#EXTM3U");
        assertThat(Files.readString(master.resolveSibling("100010/index.m3u8"))).contains("\nseg-0.ts")
                .doesNotContain(temp.toString()).contains("#EXT-X-ENDLIST");
        long size;
        try (var files = Files.walk(master.getParent())) {
            size = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(output.path("Size").asLong()).isEqualTo(size);

        // The stored master playlist plays: the renditions and segments resolve relative to it.
        Path played = temp.resolve("played.mp4");
        TestClips.ffmpeg(played, List.of("-nostdin", "-v", "error", "-y", "-allowed_extensions", "ALL",
                "-i", master.toString(), "-map", "0:v:0", "-map", "0:a:0", "-c", "copy", played.toString()));
        MediaMetadata metadata = new MediaProbe(FfmpegTools.bundled()).probe(played);
        assertThat(metadata.duration()).isCloseTo(8f, within(0.3f));
        assertThat(metadata.videoStreams().getFirst().codec()).isEqualTo("h264");
        assertThat(metadata.audioStreams().getFirst().codec()).isEqualTo("aac");

        assertThat(progress.reports).isSorted().endsWith(100);
    }

    @Test
    void anUnknownTemplateIsRefused() {
        Path clip = temp.resolve("never-read.mp4");
        assertThatThrownBy(() -> step.run(TestOutputs.input(temp, clip, 0, TestOutputs.json().put("Definition", 11),
                new TestOutputs(temp.resolve("out"))), null))
                .isInstanceOfSatisfying(StepFailure.class,
                        failure -> assertThat(failure.errCodeExt()).isEqualTo("InvalidInput.DefinitionNotExist"));
    }
}
