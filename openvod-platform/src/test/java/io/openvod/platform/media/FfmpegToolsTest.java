package io.openvod.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegToolsTest {

    @Test
    void findsTheBundledExecutables() {
        FfmpegTools tools = FfmpegTools.bundled();

        assertThat(tools.ffmpeg()).isExecutable().hasFileName("ffmpeg");
        assertThat(tools.ffprobe()).isExecutable().hasFileName("ffprobe");
        assertThat(tools.version()).startsWith("ffmpeg version");
    }

    @Test
    void aBundledToolWhoseLibrariesDoNotLoadIsUnavailableEveryTimeItIsAskedFor() {
        // What JavaCPP throws when a system library the bundled FFmpeg links against is missing:
        // the linker's error inside the class initializer's first, then the class stays unusable.
        List<Error> failures = new ArrayList<>(List.of(
                new ExceptionInInitializerError(new UnsatisfiedLinkError("libpulse.so.0: cannot open shared object file")),
                new NoClassDefFoundError("Could not initialize class org.bytedeco.ffmpeg.global.avdevice")));
        FfmpegTools tools = new FfmpegTools(Optional.empty(), Optional.empty(), bundledClass -> {
            throw failures.removeFirst();
        });

        assertThatThrownBy(tools::ffprobe).isInstanceOfSatisfying(MediaException.class, e -> {
            assertThat(e.error()).isEqualTo(MediaError.FFMPEG_UNAVAILABLE);
            assertThat(e.getMessage()).contains("bundled ffprobe", "libpulse.so.0", "configure a system ffprobe");
        });
        assertThatThrownBy(tools::ffprobe).isInstanceOfSatisfying(MediaException.class, e -> {
            assertThat(e.error()).isEqualTo(MediaError.FFMPEG_UNAVAILABLE);
            assertThat(e.getMessage()).contains("Could not initialize class");
        });
    }

    @Test
    void aFreshInstanceResolvesOnceUnderConcurrentCalls() throws Exception {
        FfmpegTools tools = new FfmpegTools(Optional.empty(), Optional.empty());
        Set<Path> seen = new HashSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Path>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Callable<Path> call = i % 2 == 0 ? tools::ffmpeg : tools::ffprobe;
                calls.add(pool.submit(call));
            }
            for (Future<Path> call : calls) {
                seen.add(call.get());
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(FfmpegTools.bundled().ffmpeg(), FfmpegTools.bundled().ffprobe());
    }

    @Test
    void aConfiguredPathThatDoesNotExistIsUnavailable(@TempDir Path dir) {
        FfmpegTools tools = new FfmpegTools(Optional.of(dir.resolve("no-such-ffmpeg")), Optional.empty());

        assertThatThrownBy(tools::ffmpeg)
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.error()).isEqualTo(MediaError.FFMPEG_UNAVAILABLE))
                .hasMessageContaining("no-such-ffmpeg");
        assertThatThrownBy(tools::version).isInstanceOf(MediaException.class);
        assertThat(tools.ffprobe()).isEqualTo(FfmpegTools.bundled().ffprobe());
    }

    @Test
    void aConfiguredExecutableThatIsNotTheToolIsUnavailable(@TempDir Path dir) throws Exception {
        Path impostor = Files.writeString(dir.resolve("ffprobe"), "#!/bin/sh\necho hello\n");
        impostor.toFile().setExecutable(true);
        FfmpegTools tools = new FfmpegTools(Optional.empty(), Optional.of(impostor));

        assertThatThrownBy(tools::ffprobe)
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.error()).isEqualTo(MediaError.FFMPEG_UNAVAILABLE))
                .hasMessageContaining("does not run as ffprobe");
    }

    @Test
    void aConfiguredToolIsUsedAsGiven(@TempDir Path dir) throws Exception {
        Path fake = Files.writeString(dir.resolve("my-ffprobe"), "#!/bin/sh\necho 'ffprobe version 0.0-test'\n");
        fake.toFile().setExecutable(true);
        FfmpegTools tools = new FfmpegTools(Optional.empty(), Optional.of(fake));

        assertThat(tools.ffprobe()).isEqualTo(fake);
        // under the watchdog that ends it with the platform (ChildProcesses)
        assertThat(tools.ffprobeCommand(List.of("-x")).command()).endsWith(fake.toString(), "-x")
                .startsWith("/bin/sh", "-c", ChildProcesses.WATCHDOG);
    }

    /** A fake tool that counts its runs in {@code runs} and answers {@code -version} after {@code delay} seconds. */
    private static Path countingTool(Path dir, String name, Path runs, String delay) throws Exception {
        Path fake = Files.writeString(dir.resolve(name), "#!/bin/sh\necho run >> '" + runs + "'\nsleep " + delay + "\necho '"
                + name + " version 0.0-test'\n");
        fake.toFile().setExecutable(true);
        return fake;
    }

    @Test
    void aUseWhileTheBackgroundCheckRunsWaitsForItsResult(@TempDir Path dir) throws Exception {
        Path ffmpegRuns = dir.resolve("ffmpeg-runs");
        Path ffprobeRuns = dir.resolve("ffprobe-runs");
        Path ffmpeg = countingTool(dir, "ffmpeg", ffmpegRuns, "0.5");
        Path ffprobe = countingTool(dir, "ffprobe", ffprobeRuns, "0");
        FfmpegTools tools = new FfmpegTools(Optional.of(ffmpeg), Optional.of(ffprobe));

        Thread background = tools.findInBackground();
        assertThat(background.getName()).isEqualTo("openvod-ffmpeg-check");
        assertThat(background.isDaemon()).isTrue();
        assertThat(tools.ffmpeg()).isEqualTo(ffmpeg);
        assertThat(tools.ffprobe()).isEqualTo(ffprobe);
        background.join(10_000);

        assertThat(background.isAlive()).isFalse();
        assertThat(Files.readAllLines(ffmpegRuns)).as("ffmpeg -version ran once, in the background").hasSize(1);
        assertThat(Files.readAllLines(ffprobeRuns)).as("ffprobe -version ran once, in the background").hasSize(1);
        assertThat(tools.version()).isEqualTo("ffmpeg version 0.0-test");
    }

    @Test
    void aFailedBackgroundCheckIsReportedByTheNextUse(@TempDir Path dir) throws Exception {
        Path impostor = Files.writeString(dir.resolve("ffmpeg"), "#!/bin/sh\necho hello\n");
        impostor.toFile().setExecutable(true);
        FfmpegTools tools = new FfmpegTools(Optional.of(impostor), Optional.empty());

        Thread background = tools.findInBackground();
        background.join(30_000);

        assertThat(background.isAlive()).isFalse();
        assertThatThrownBy(tools::ffmpeg)
                .isInstanceOfSatisfying(MediaException.class,
                        e -> assertThat(e.error()).isEqualTo(MediaError.FFMPEG_UNAVAILABLE))
                .hasMessageContaining("does not run as ffmpeg");
        Files.writeString(impostor, "#!/bin/sh\necho 'ffmpeg version 0.0-fixed'\n");
        assertThat(tools.ffmpeg()).as("a failure is not remembered").isEqualTo(impostor);
    }
}
