package io.openvod.platform.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code ffmpeg} and {@code ffprobe} are. Each is the configured executable when one is
 * configured (an operator's system FFmpeg), otherwise the one bundled with OpenVOD, which is
 * extracted from its jar into JavaCPP's cache ({@code ~/.javacpp/cache}, or the directory named by
 * {@code -Dorg.bytedeco.javacpp.cachedir}). A configured path is never silently replaced by the
 * bundled tool.
 *
 * <p>Each tool is found on first use, checked by running it with {@code -version}, and remembered;
 * a failure is not remembered, so a later call tries again. Start the tools through
 * {@link #ffmpegCommand} and {@link #ffprobeCommand}: the bundled executables need their own
 * directory on the library path, which those builders set, and they run under a watchdog that
 * ends them when the platform's process is gone ({@link ChildProcesses}).
 */
public final class FfmpegTools {
    private static final Logger log = LoggerFactory.getLogger(FfmpegTools.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(20);
    private static final Object EXTRACTION_LOCK = new Object();
    private static final FfmpegTools BUNDLED = new FfmpegTools(Optional.empty(), Optional.empty());

    private final Tool ffmpeg;
    private final Tool ffprobe;

    /** Uses each configured path, or the bundled tool where a path is empty. */
    public FfmpegTools(Optional<Path> ffmpeg, Optional<Path> ffprobe) {
        this(ffmpeg, ffprobe, Loader::load);
    }

    /**
     * As {@link #FfmpegTools(Optional, Optional)}, with {@code extract} standing in for JavaCPP's
     * {@code Loader.load}: given a bundled tool's class it answers the path of its executable.
     */
    FfmpegTools(Optional<Path> ffmpeg, Optional<Path> ffprobe, Function<Class<?>, String> extract) {
        this.ffmpeg = new Tool("ffmpeg", ffmpeg, org.bytedeco.ffmpeg.ffmpeg.class, extract);
        this.ffprobe = new Tool("ffprobe", ffprobe, org.bytedeco.ffmpeg.ffprobe.class, extract);
    }

    /** The bundled tools; one shared instance, so they are extracted and checked once per process. */
    public static FfmpegTools bundled() {
        return BUNDLED;
    }

    /**
     * Finds and checks both tools now, on a daemon thread of their own ({@code openvod-ffmpeg-check}),
     * so that their first use — a readiness probe, an upload's ffprobe — finds them ready instead of
     * waiting for the extraction and the two {@code -version} runs. A first use while this runs waits
     * for it and gets its result; a failure is logged here and not remembered, so that first use tries
     * again and reports it (a readiness probe says {@code ffmpeg} is down, with the reason).
     *
     * @return the thread, already started
     */
    public Thread findInBackground() {
        return Thread.ofPlatform().daemon().name("openvod-ffmpeg-check").start(() -> {
            try {
                ffmpeg();
                ffprobe();
            } catch (MediaException e) {
                log.warn("FFmpeg is unavailable: {}", e.getMessage());
            }
        });
    }

    /** @throws MediaException {@link MediaError#FFMPEG_UNAVAILABLE} when it cannot be found or does not run */
    public Path ffmpeg() {
        return ffmpeg.resolve().executable();
    }

    /** @throws MediaException {@link MediaError#FFMPEG_UNAVAILABLE} when it cannot be found or does not run */
    public Path ffprobe() {
        return ffprobe.resolve().executable();
    }

    /** A process builder for {@code ffmpeg ARGS}, with the environment the executable needs. */
    public ProcessBuilder ffmpegCommand(List<String> args) {
        return ffmpeg.resolve().command(args);
    }

    /** A process builder for {@code ffprobe ARGS}, with the environment the executable needs. */
    public ProcessBuilder ffprobeCommand(List<String> args) {
        return ffprobe.resolve().command(args);
    }

    /** The first line of {@code ffmpeg -version}, e.g. {@code ffmpeg version 8.1.2 Copyright ...}. */
    public String version() {
        return ffmpeg.resolve().version();
    }

    /** A found and working executable. */
    private record Resolved(Path executable, Map<String, String> environment, String version) {

        ProcessBuilder command(List<String> args) {
            List<String> line = new ArrayList<>(args.size() + 1);
            line.add(executable.toString());
            line.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(line);
            builder.environment().putAll(environment);
            return ChildProcesses.tiedToParent(builder);
        }
    }

    private static final class Tool {
        private final String name;
        private final Optional<Path> configured;
        private final Class<?> bundledClass;
        private final Function<Class<?>, String> extract;
        private volatile Resolved resolved;

        Tool(String name, Optional<Path> configured, Class<?> bundledClass, Function<Class<?>, String> extract) {
            this.name = name;
            this.configured = Objects.requireNonNull(configured, name + " path == null");
            this.bundledClass = bundledClass;
            this.extract = extract;
        }

        Resolved resolve() {
            Resolved found = resolved;
            if (found == null) {
                synchronized (this) {
                    found = resolved;
                    if (found == null) {
                        found = configured.isPresent() ? check(configured.get(), Map.of()) : bundled();
                        log.info("{}: {} ({})", name, found.executable(), found.version());
                        resolved = found;
                    }
                }
            }
            return found;
        }

        private Resolved bundled() {
            String path;
            synchronized (EXTRACTION_LOCK) {
                try {
                    path = extract.apply(bundledClass);
                } catch (LinkageError | RuntimeException e) {
                    // A missing system library surfaces as UnsatisfiedLinkError on the first try, wrapped
                    // in ExceptionInInitializerError, and as NoClassDefFoundError on every later one.
                    throw unavailable("the bundled " + name + " could not be loaded (" + rootMessage(e)
                            + "); install the missing system library or configure a system " + name, e);
                }
            }
            if (path == null) {
                throw unavailable("no bundled " + name + " for this platform (" + Loader.getPlatform()
                        + "); configure the path of a system " + name, null);
            }
            Path executable = Path.of(path);
            String directory = executable.getParent().toString();
            String inherited = System.getenv("LD_LIBRARY_PATH");
            String libraryPath = inherited == null || inherited.isBlank() ? directory : directory + ":" + inherited;
            return check(executable, Map.of("LD_LIBRARY_PATH", libraryPath));
        }

        private Resolved check(Path executable, Map<String, String> environment) {
            if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
                throw unavailable(name + " at " + executable + " is not an executable file", null);
            }
            Resolved candidate = new Resolved(executable, environment, "");
            ToolRun.Result run;
            try {
                run = ToolRun.run(candidate.command(List.of("-version")), CHECK_TIMEOUT, 64 * 1024, 64 * 1024);
            } catch (IOException | TimeoutException e) {
                throw unavailable(name + " at " + executable + " does not run: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while checking " + name + " at " + executable, e);
            }
            String firstLine = run.stdoutText().lines().findFirst().orElse("").strip();
            if (run.exitCode() != 0 || !firstLine.startsWith(name + " version")) {
                String why = run.firstStderrLine().isEmpty() ? "exit status " + run.exitCode() : run.firstStderrLine();
                throw unavailable(name + " at " + executable + " does not run as " + name + ": " + why, null);
            }
            return new Resolved(executable, environment, firstLine);
        }

        /** JavaCPP wraps the linker's precise complaint (which library is missing) in a vaguer error. */
        private static String rootMessage(Throwable error) {
            Throwable root = error;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage();
        }

        private static MediaException unavailable(String message, Throwable cause) {
            return new MediaException(MediaError.FFMPEG_UNAVAILABLE, message, cause);
        }
    }
}
