package io.openvod.bench.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time spent while something ran, read from {@code /proc} (Linux; zero elsewhere): this JVM's
 * own, its finished child processes' (FFmpeg and ffprobe, each reaped through its watchdog shell:
 * {@code cutime + cstime}), and one running process's (the sidecar), in seconds.
 *
 * @param jvm this process's user + system time
 * @param children the user + system time of the children it waited for
 * @param sidecar the sidecar's user + system time
 */
record CpuTimes(double jvm, double children, double sidecar) {
    private static final double TICK = 0.01; // USER_HZ is 100 on Linux

    /** Now, with the sidecar's process {@code sidecarPid} (0 for none). */
    static CpuTimes now(long sidecarPid) {
        double[] self = times("/proc/self/stat");
        double[] side = sidecarPid > 0 ? times("/proc/" + sidecarPid + "/stat") : new double[4];
        return new CpuTimes(self[0] + self[1], self[2] + self[3], side[0] + side[1]);
    }

    /** What was spent from {@code before} to this. */
    CpuTimes since(CpuTimes before) {
        return new CpuTimes(jvm - before.jvm, children - before.children, sidecar - before.sidecar);
    }

    /** Per frame, in milliseconds, with the wall time. */
    String perFrame(int frames, double wallSeconds) {
        return String.format(Locale.ROOT, "CPU per frame: FFmpeg+ffprobe %.1f ms, sidecar %.1f ms, JVM %.1f ms (wall %.1f ms)",
                1000 * children / frames, 1000 * sidecar / frames, 1000 * jvm / frames, 1000 * wallSeconds / frames);
    }

    /** utime, stime, cutime and cstime of a {@code /proc/<pid>/stat} file, in seconds; zeros when it cannot be read. */
    static double[] times(String file) {
        try {
            return parse(Files.readString(Path.of(file)));
        } catch (IOException | RuntimeException e) {
            return new double[4];
        }
    }

    static double[] parse(String stat) {
        // The command name may hold spaces and parentheses: the fields start after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        double[] times = new double[4];
        for (int i = 0; i < 4; i++) {
            times[i] = Long.parseLong(fields[11 + i]) * TICK;
        }
        return times;
    }
}
