package io.openvod.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.PlatformFixture;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An uploading process killed with SIGKILL mid-upload: the next run sends only the parts it had not stored. */
class ResumeAfterKillTest {
    private static final long MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void aKilledUploadResumesWithTheMissingPartsOnly() throws Exception {
        Path file = TestClips.bytes(dir.resolve("long.mp4"), 7 * MIB + 999, 11);
        Path sessions = dir.resolve("sessions");
        try (PlatformFixture platform = PlatformFixture.start(dir.resolve("platform"))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), StallingUploadMain.class.getName(),
                    platform.url(), file.toString(), sessions.toString(), "3").redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    lines.add(line);
                    if (line.equals("STALLED")) {
                        child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                        break;
                    }
                }
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(lines).as(String.join("\n", lines)).contains("PARTS 3", "STALLED").doesNotContain("FINISHED");

            UploadResult result = Uploader.builder().platform(platform.url()).signatures(PlatformUploads.counting(new AtomicInteger()))
                    .concurrency(2).sessions(new DirectorySessionStore(sessions)).build().upload(file, null);

            assertThat(result.partsResumed()).as("parts the killed process stored").isEqualTo(3);
            assertThat(result.partsUploaded()).as("only the missing parts are sent").isEqualTo(5);
            assertThat(result.bytesUploaded()).isEqualTo(4 * MIB + 999);
            assertThat(PlatformUploads.sha256(result.mediaUrl())).isEqualTo(PlatformUploads.sha256(file));
        }
    }
}
