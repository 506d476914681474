package io.openvod.server.cli;

import io.openvod.client.ProgressListener;
import io.openvod.client.UploadProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The live line of {@code openvod upload} on a terminal: bytes, percent, rate and time left,
 * redrawn in place with {@code \r} at most ten times a second. Safe to call from any thread.
 */
final class ProgressLine implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final long startNanos = System.nanoTime();
    private long lastDrawNanos = Long.MIN_VALUE;
    private int lastWidth;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void onProgress(UploadProgress p) {
        long now = System.nanoTime();
        boolean finished = p.bytesDone() >= p.bytesTotal() && p.partsDone() >= p.partsTotal();
        if (!finished && lastDrawNanos != Long.MIN_VALUE && now - lastDrawNanos < REDRAW_NANOS) {
            return;
        }
        lastDrawNanos = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = p.bytesDone() / seconds;
        String eta = rate <= 0 || finished ? "--" : duration((p.bytesTotal() - p.bytesDone()) / rate);
        String line = String.format(Locale.ROOT, "%s / %s  %5.1f%%  %s/s  ETA %s  parts %d/%d", bytes(p.bytesDone()),
                bytes(p.bytesTotal()), p.fraction() * 100, bytes((long) rate), eta, p.partsDone(), p.partsTotal());
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    /** Ends the line so that what follows starts on a new one. */
    synchronized void end() {
        if (lastDrawNanos != Long.MIN_VALUE) {
            err.println();
            err.flush();
        }
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int unit = -1;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[unit]);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
