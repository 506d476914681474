package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.media.FfmpegTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegJobTest {
    @TempDir
    Path temp;

    private final FfmpegJob job = new FfmpegJob(FfmpegTools.bundled());

    @Test
    void progressIsAPercentageOfTheDurationThatNeverGoesBack() {
        List<Integer> reports = new ArrayList<>();
        FfmpegJob.ProgressParser parser = new FfmpegJob.ProgressParser(10, reports::add);
        for (String line : List.of("frame=1", "out_time_us=N/A", "out_time_us=0", "out_time_ms=2500000",
                "out_time_us=2500000", "out_time_us=1000000", "out_time_us=9990000", "out_time_us=12000000",
                "progress=end")) {
            parser.line(line);
        }
        assertThat(reports).containsExactly(0, 25, 99);
    }

    @Test
    void aFailingCommandIsTheInputsFaultWithFfmpegsReason() {
        Path missing = temp.resolve("missing.mp4");

        assertThatThrownBy(() -> job.run(List.of("-i", StepSupport.file(missing), "-f", "null", "-"), missing, 0,
                Duration.ofSeconds(30), null))
                .isInstanceOfSatisfying(StepFailure.class, failure -> {
                    assertThat(failure.errCodeExt()).isEqualTo("SourceFileError.ContentMalformed");
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure.getMessage()).contains("missing.mp4").contains("No such file")
                            .doesNotContain(temp.toString());
                });
    }

    @Test
    void aDeadlineKillsFfmpegAndMayBeRetried() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> job.run(List.of("-re", "-f", "lavfi", "-i", "testsrc=size=64x64:rate=5", "-f", "null", "-"),
                temp.resolve("endless"), 0, Duration.ofMillis(800), null))
                .isInstanceOfSatisfying(StepFailure.class, failure -> {
                    assertThat(failure.errCodeExt()).isEqualTo("InternalError");
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.getMessage()).contains("killed");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void eachOfSeveralOutputsIsLimitedToTheDuration() throws Exception {
        Path first = temp.resolve("first.mp4");
        Path second = temp.resolve("second.mp4");

        job.runOutputs(List.of("-f", "lavfi", "-i", "testsrc=size=64x64:rate=25:duration=6"),
                List.of(List.of("-c:v", "libx264", "-preset", "ultrafast", StepSupport.file(first)),
                        List.of("-c:v", "libx264", "-preset", "ultrafast", StepSupport.file(second))),
                temp.resolve("testsrc"), 1, Duration.ofSeconds(60), null);

        io.openvod.platform.media.MediaProbe probe = new io.openvod.platform.media.MediaProbe(FfmpegTools.bundled());
        assertThat(probe.probe(first).duration()).as("a second more than the duration").isCloseTo(2f,
                org.assertj.core.api.Assertions.within(0.1f));
        assertThat(probe.probe(second).duration()).isCloseTo(2f, org.assertj.core.api.Assertions.within(0.1f));
    }
}
