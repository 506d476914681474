package io.openvod.platform.media;

import static io.openvod.platform.media.MediaProbeTest.assertUnreadable;
import static io.openvod.platform.media.MediaProbeTest.withFakeFfprobe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the probe copes with an ffprobe that hangs, crashes, floods its pipes or fails. */
class MediaProbeFailureTest {
    @TempDir
    Path dir;
    Path input;

    @BeforeEach
    void input() throws IOException {
        input = Files.writeString(dir.resolve("input.mp4"), "not really");
    }

    @Test
    void anFfprobeThatHangsIsKilledAtTheDeadline() throws IOException {
        MediaProbe probe = new MediaProbe(withFakeFfprobe(dir, "exec sleep 60"), Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> probe.probe(input))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.error()).isEqualTo(MediaError.PROBE_FAILED);
                    assertThat(e.errorCode().retryable()).isTrue();
                })
                .hasMessageContaining("300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void anFfprobeThatCrashesFailsTheProbe() throws IOException {
        MediaProbe probe = new MediaProbe(withFakeFfprobe(dir, "kill -SEGV $$"));

        assertThatThrownBy(() -> probe.probe(input))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.error()).isEqualTo(MediaError.PROBE_FAILED))
                .hasMessageContaining("signal 11");
    }

    @Test
    void floodsOfStandardErrorDoNotBlockTheProbe() throws IOException {
        // 16 MiB on stderr, far more than a pipe buffers, then a failure line.
        MediaProbe probe = new MediaProbe(withFakeFfprobe(dir,
                "head -c 16777216 /dev/zero | tr '\\0' 'x' >&2; echo >&2; echo 'late line' >&2; exit 1"));

        assertUnreadable(() -> probe.probe(input), "xxxx");
    }

    @Test
    void aReportLargerThanTheLimitIsRefused() throws IOException {
        MediaProbe probe = new MediaProbe(withFakeFfprobe(dir, "head -c 5000000 /dev/zero | tr '\\0' ' '; echo '{}'"));

        assertUnreadable(() -> probe.probe(input), "larger than");
    }

    @Test
    void aReportWithoutAudioOrVideoIsUnreadable() throws IOException {
        MediaProbe probe = new MediaProbe(withFakeFfprobe(dir, """
                echo '{"streams": [{"codec_type": "data"}], "format": {"format_name": "mpegts", "probe_score": 100}}'"""));

        assertUnreadable(() -> probe.probe(input), "no audio or video stream");
    }

    @Test
    void aReportThatIsNotJsonFailsTheProbe() throws IOException {
        MediaProbe probe = new MediaProbe(withFakeFfprobe(dir, "echo 'streams: none'"));

        assertThatThrownBy(() -> probe.probe(input))
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.error()).isEqualTo(MediaError.PROBE_FAILED));
    }
}
