package io.openvod.bench.media;

import io.openvod.platform.media.ChildProcesses;
import io.openvod.platform.media.FfmpegTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The wall time of one short ffprobe run started three ways, in one JVM.
 *
 * <pre>ToolOverhead --dir DIR [--rounds 30]</pre>
 *
 * <p>It makes a 2 s 320x240 clip once with the bundled FFmpeg, then each round runs two commands
 * ({@code ffprobe -version}, and {@code ffprobe -show_format -show_streams -of json} of the clip),
 * each started three ways, in an order that rotates every round:
 * <ul>
 *   <li><b>direct</b>: a plain {@link ProcessBuilder} with the tool's command line and environment;</li>
 *   <li><b>watchdog</b>: {@link ChildProcesses#tiedToParent}, as the platform starts its tools;</li>
 *   <li><b>old watchdog</b>: the shell watchdog the platform used before 2026-12-07 (it checked
 *       the tool and its own parent, then slept 0.5 s, in one loop), kept here as the reference.</li>
 * </ul>
 * Each run is timed from {@code start()} to {@code waitFor()} returning, its standard output read to
 * the end. It prints the median, the 10th and the 90th percentile of each, and each way's median
 * minus direct's median.
 */
public final class ToolOverhead {
    /** The watchdog of {@link ChildProcesses} before it waited on the tool (the 0.5 s it slept is its cost). */
    static final String OLD_WATCHDOG = """
            parent=$PPID
            "$@" </dev/null &
            child=$!
            while :; do
              read -r s 2>/dev/null </proc/$child/stat || break
              set -- $s
              [ "$3" = Z ] && break
              read -r m 2>/dev/null </proc/$$/stat || break
              set -- $m
              if [ "$4" != "$parent" ]; then kill -KILL $child 2>/dev/null; exit 137; fi
              sleep 0.5
            done
            wait $child
            """;

    private ToolOverhead() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        int rounds = 30;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dir == null || rounds < 1) {
            throw new IllegalArgumentException("usage: ToolOverhead --dir DIR [--rounds N]");
        }
        Files.createDirectories(dir);
        FfmpegTools tools = FfmpegTools.bundled();
        Path clip = makeClip(tools, dir.resolve("clip.mp4"));
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("ffprobe -version", List.of("-version"));
        commands.put("ffprobe of a 2 s clip", List.of("-v", "error", "-show_format", "-show_streams", "-of", "json",
                clip.toString()));
        List<String> ways = List.of("direct", "watchdog", "old watchdog");
        Map<String, long[]> nanos = new LinkedHashMap<>();
        for (String command : commands.keySet()) {
            for (String way : ways) {
                nanos.put(command + " | " + way, new long[rounds]);
            }
        }
        for (String command : commands.keySet()) { // one unmeasured pass of each
            for (String way : ways) {
                run(builder(way, tools.ffprobeCommand(commands.get(command))));
            }
        }
        for (int round = 0; round < rounds; round++) {
            for (String command : commands.keySet()) {
                for (int k = 0; k < ways.size(); k++) {
                    String way = ways.get((k + round) % ways.size());
                    nanos.get(command + " | " + way)[round] = run(builder(way, tools.ffprobeCommand(commands.get(command))));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-24s %-13s %9s %9s %9s %14s%n", "command", "started", "p10 ms", "median ms",
                "p90 ms", "median-direct");
        for (String command : commands.keySet()) {
            double direct = percentile(nanos.get(command + " | direct"), 50);
            for (String way : ways) {
                long[] times = nanos.get(command + " | " + way);
                double median = percentile(times, 50);
                System.out.printf(Locale.ROOT, "%-24s %-13s %9.1f %9.1f %9.1f %+14.1f%n", command, way,
                        percentile(times, 10), median, percentile(times, 90), median - direct);
            }
        }
    }

    private static Path makeClip(FfmpegTools tools, Path clip) throws IOException, InterruptedException {
        ProcessBuilder make = tools.ffmpegCommand(List.of("-nostdin", "-hide_banner", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", clip.toString()));
        if (run(make) < 0 || !Files.isRegularFile(clip)) {
            throw new IllegalStateException("ffmpeg did not make " + clip);
        }
        return clip;
    }

    /** {@code tied}, a builder from {@link FfmpegTools}, started the way named. */
    private static ProcessBuilder builder(String way, ProcessBuilder tied) {
        List<String> line = tied.command();
        List<String> tool = line.size() > 4 && "openvod-child".equals(line.get(3)) ? line.subList(4, line.size()) : line;
        return switch (way) {
            case "direct" -> copy(tied, new ArrayList<>(tool));
            case "watchdog" -> tied;
            case "old watchdog" -> {
                List<String> old = new ArrayList<>(List.of("/bin/sh", "-c", OLD_WATCHDOG, "openvod-child"));
                old.addAll(tool);
                yield copy(tied, old);
            }
            default -> throw new IllegalArgumentException(way);
        };
    }

    private static ProcessBuilder copy(ProcessBuilder from, List<String> line) {
        ProcessBuilder to = new ProcessBuilder(line);
        to.environment().clear();
        to.environment().putAll(from.environment());
        return to;
    }

    /** Nanoseconds from start to exit, standard output read to the end; throws unless the tool exits 0. */
    private static long run(ProcessBuilder builder) throws IOException, InterruptedException {
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        long start = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        process.getInputStream().readAllBytes();
        int status = process.waitFor();
        long took = System.nanoTime() - start;
        if (status != 0) {
            throw new IllegalStateException(builder.command() + " exited " + status);
        }
        return took;
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.round((p / 100.0) * (sorted.length - 1));
        return sorted[index] / 1e6;
    }
}
