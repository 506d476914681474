package io.openvod.bench.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.review.FrameScores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review benchmark's harness: its options, its median, its frame-by-frame score comparison, its
 * CPU times, and a clip that yields the frames asked for.
 */
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
        assertThat(o.onlyNew()).isFalse();
        assertThat(ReviewOptions.parse(new String[] {"--dir", "d", "--sidecar", "s", "--steps", "new"}).onlyNew()).isTrue();
        assertThatThrownBy(() -> ReviewOptions.parse(new String[] {"--dir", "d", "--sidecar", "s", "--steps", "old"}))
                .hasMessageContaining("--steps must be all or new");
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
    void scoresAreComparedFrameByFramePerClassAndByVerdict() {
        List<FrameScores> old = List.of(scores(0.90, 0.05, 0.05), scores(0.30, 0.65, 0.05), scores(0.10, 0.02, 0.88));
        List<FrameScores> next = List.of(scores(0.85, 0.06, 0.09), scores(0.36, 0.59, 0.05), scores(0.10, 0.02, 0.88));

        ScoreComparison same = ScoreComparison.of(old, old);
        ScoreComparison compared = ScoreComparison.of(old, next);

        assertThat(same.largest()).isZero();
        assertThat(same.verdictsDiffering()).isEmpty();
        assertThat(same.describe()).endsWith("verdicts equal on all 3 frames");
        assertThat(compared.frames()).isEqualTo(3);
        assertThat(compared.maxDifference().get("Neutral")).isCloseTo(0.06, within(1e-9));
        assertThat(compared.maxDifference().get("Porn")).isCloseTo(0.06, within(1e-9));
        assertThat(compared.maxDifference().get("Sexy")).isCloseTo(0.04, within(1e-9));
        assertThat(compared.maxDifference().get("Hentai")).isZero();
        // Frame 0 passes either way (its larger score moved from porn to sexy);
        // frame 1: porn 0.65 (review) became 0.59 (pass).
        assertThat(compared.verdictsDiffering()).containsExactly(1);
        assertThat(ScoreComparison.verdict(old.get(1))).isEqualTo("porn/review");
        assertThat(ScoreComparison.verdict(next.get(1))).isEqualTo("pass");
        assertThat(ScoreComparison.verdict(old.get(2))).isEqualTo("sexy/review");
        assertThatThrownBy(() -> ScoreComparison.of(old, next.subList(0, 2))).hasMessageContaining("scored 3 frames");
    }

    @Test
    void cpuTimesAreReadFromProcStat() {
        // pid (comm with ") " in it) state ppid … utime stime cutime cstime …
        String stat = "42 (node (x) y) S 1 42 42 0 -1 4194304 100 0 0 0 250 30 1200 45 20 0 7 0 100 0 0";
        assertThat(CpuTimes.parse(stat)).containsExactly(2.5, 0.3, 12.0, 0.45);
        CpuTimes a = new CpuTimes(1.0, 2.0, 3.0);
        CpuTimes b = new CpuTimes(1.5, 3.2, 3.3);
        CpuTimes spent = b.since(a);
        assertThat(spent.jvm()).isCloseTo(0.5, within(1e-9));
        assertThat(spent.perFrame(10, 1.0)).isEqualTo("CPU per frame: FFmpeg+ffprobe 120.0 ms, sidecar 30.0 ms, JVM 50.0 ms (wall 100.0 ms)");
        assertThat(CpuTimes.now(0).jvm()).as("this JVM has run").isPositive();
    }

    private static FrameScores scores(double neutral, double porn, double sexy) {
        return new FrameScores(Map.of("Neutral", neutral, "Porn", porn, "Sexy", sexy));
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
