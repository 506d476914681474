package io.openvod.bench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.media.FfmpegTools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review benchmark's harness: its options, its median, and a clip that yields the frames asked for. */
class ReviewThroughputTest {
    @TempDir
    Path dir;

    @Test
    void optionsHaveDefaultsAndRefuseWhatCannotBeRun() {
        ReviewOptions o = ReviewOptions.parse(new String[] {"--dir", "d", "--sidecar", "s"});
        assertThat(o.frames()).isEqualTo(60);
        assertThat(o.seconds()).isEqualTo(120);
        assertThat(o.runs()).isEqualTo(5);
        assertThat(o.width()).isEqualTo(640);
        assertThat(o.height()).isEqualTo(360);
        assertThat(o.node()).isEqualTo("node");
        assertThatThrownBy(() -> ReviewOptions.parse(new String[] {"--dir", "d"})).hasMessageContaining("--sidecar");
        assertThatThrownBy(() -> ReviewOptions.parse(new String[] {"--dir", "d", "--sidecar", "s", "--frames", "101"}))
                .hasMessageContaining("1..100");
        assertThatThrownBy(() -> ReviewOptions.parse(new String[] {"--dir", "d", "--sidecar", "s", "--fast", "1"}))
                .hasMessageContaining("unknown option --fast");
    }

    @Test
    void theMedianOfOddAndEvenCounts() {
        assertThat(ReviewThroughput.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(ReviewThroughput.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
    }

    @Test
    void theClipYieldsOneFrameEveryTwoSeconds() throws Exception {
        ReviewOptions o = ReviewOptions.parse(new String[] {"--dir", dir.toString(), "--sidecar", "s", "--frames", "3",
                "--width", "160", "--height", "90"});
        FfmpegTools tools = FfmpegTools.bundled();
        Path clip = ReviewThroughput.makeClip(tools, o, dir.resolve("clip.mp4"));
        assertThat(ReviewThroughput.sample(tools, clip, dir.resolve("frames"))).hasSize(3)
                .allSatisfy(frame -> assertThat(frame).isNotEmptyFile());
    }
}
