package io.openvod.platform.media;

import java.util.List;

/**
 * A JVM that starts a long FFmpeg run (an hour of test pattern, read in real time) the way the
 * platform starts its tools, prints {@code started}, and waits to be killed.
 */
public final class LongTranscodeMain {
    private LongTranscodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Process ffmpeg = FfmpegTools.bundled().ffmpegCommand(List.of("-nostdin", "-v", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=64x64:rate=25", "-t", "3600", "-f", "null", "-")).start();
        System.out.println("started " + ffmpeg.pid());
        System.out.flush();
        ffmpeg.waitFor();
    }
}
