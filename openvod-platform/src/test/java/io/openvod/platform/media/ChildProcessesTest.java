package io.openvod.platform.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChildProcessesTest {

    @Test
    void ffmpegEndsWhenThePlatformsJvmIsKilled() throws Exception {
        FfmpegTools.bundled().ffmpeg(); // extracted before the child JVM needs it
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LongTranscodeMain.class.getName())
                .redirectErrorStream(true)
                .start();
        ProcessHandle[] tool = new ProcessHandle[1];
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("started ")) {
                // logging of the child JVM
            }
            assertThat(line).as("the child JVM started ffmpeg").isNotNull();
            ProcessHandle ffmpeg = awaitFfmpeg(jvm.toHandle());
            tool[0] = ffmpeg;
            assertThat(ffmpeg.isAlive()).isTrue();

            jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
            jvm.waitFor();

            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (ffmpeg.isAlive() && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(ffmpeg.isAlive()).as("ffmpeg " + ffmpeg.pid() + " after its platform was killed").isFalse();
        } finally {
            if (tool[0] != null) {
                tool[0].destroyForcibly(); // when the watchdog failed, it no longer is a descendant
            }
            jvm.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        }
    }

    private static ProcessHandle awaitFfmpeg(ProcessHandle jvm) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            Optional<ProcessHandle> found = jvm.descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no ffmpeg under the child JVM: " + List.of(jvm.descendants().toArray()));
    }

    @Test
    void theWatchdogKeepsTheToolsExitStatus() throws Exception {
        Process fails = ChildProcesses.tiedToParent(new ProcessBuilder("/bin/sh", "-c", "exit 7")).start();
        assertThat(fails.waitFor()).isEqualTo(7);
        Process ok = ChildProcesses.tiedToParent(new ProcessBuilder("/bin/sh", "-c", "echo hi")).start();
        assertThat(new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi\n");
        assertThat(ok.waitFor()).isZero();
    }

    @Test
    void theToolEndsWhenItsWatchdogShellIsKilledAlone() throws Exception {
        Process shell = ChildProcesses.tiedToParent(new ProcessBuilder("sleep", "60")).start();
        ProcessHandle sleep = null;
        try {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sleep == null && System.nanoTime() < until) {
                sleep = shell.children()
                        .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false))
                        .findFirst().orElse(null);
                Thread.sleep(20);
            }
            assertThat(sleep).as("the tool under the watchdog").isNotNull();

            shell.destroyForcibly(); // the shell only: its watcher and the tool stay
            shell.waitFor();

            until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (sleep.isAlive() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(sleep.isAlive()).as("sleep " + sleep.pid() + " after its watchdog shell was killed").isFalse();
        } finally {
            if (sleep != null) {
                sleep.destroyForcibly();
            }
            shell.destroyForcibly();
        }
    }
}
