package io.openvod.bench.flow;

import io.openvod.platform.media.FfmpegTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One FFmpeg run with {@code -benchmark}: its wall time from start to exit (output drained) and the
 * CPU time FFmpeg reports for itself ({@code bench: utime=… stime=… rtime=…}).
 *
 * @param wall seconds from start to exit
 * @param user user CPU seconds (all threads)
 * @param system system CPU seconds
 */
record FfmpegRun(double wall, double user, double system) {
    private static final Pattern BENCH = Pattern.compile("bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s");

    /** User and system CPU seconds. */
    double cpu() {
        return user + system;
    }

    /** Runs ffmpeg with {@code args}; fails unless it exits with 0 and reports its CPU time. */
    static FfmpegRun run(FfmpegTools tools, List<String> args) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = tools.ffmpegCommand(args).start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        drain(process.getInputStream());
        int exit = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        String log = stderr.join();
        if (exit != 0) {
            throw new IllegalStateException("ffmpeg exited with " + exit + ": " + log.substring(Math.max(0, log.length() - 2000)));
        }
        return parse(log).map(cpu -> new FfmpegRun(wall, cpu[0], cpu[1]))
                .orElseThrow(() -> new IllegalStateException("ffmpeg reported no CPU time: " + log.substring(Math.max(0, log.length() - 500))));
    }

    /** {user, system} seconds of FFmpeg's {@code -benchmark} line in {@code log}. */
    static Optional<double[]> parse(String log) {
        Matcher m = BENCH.matcher(log);
        double[] found = null;
        while (m.find()) {
            found = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        }
        return Optional.ofNullable(found);
    }

    private static String drain(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
