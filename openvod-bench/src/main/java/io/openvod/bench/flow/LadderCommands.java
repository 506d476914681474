package io.openvod.bench.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The FFmpeg commands of a rendition ladder as the platform runs them: an MP4 of one preset
 * ({@code TranscodeStep}), one HLS rendition per run (the streaming step before the ladder), and
 * the ladder's one run ({@code LadderCommand}: the source decoded once, {@code split} into a scaled
 * branch per preset, one encoder per preset, {@code tee} into its MP4 and its HLS rendition). The
 * arguments are the platform's, with {@code -v info -benchmark} added so FFmpeg reports its CPU
 * time, and {@code -t} (the duration plus a second) right before each output's name, as
 * {@code FfmpegJob} puts it.
 */
final class LadderCommands {
    /** An MP4 preset: short side, video and audio kbit/s (the platform's 100010, 100020, 100030). */
    record Preset(long definition, int shortSide, int videoKbps, int audioKbps) {
        static final List<Preset> LADDER = List.of(new Preset(100010, 360, 400, 64), new Preset(100020, 540, 1000, 64),
                new Preset(100030, 720, 1800, 128));

        /** The picture size for a {@code width} x {@code height} source: the short side the preset's, never upscaled, even sizes. */
        int[] size(int width, int height) {
            int shorter = Math.min(width, height);
            int longer = Math.max(width, height);
            int targetShort = Math.max(2, Math.min(shortSide, shorter) & ~1);
            int targetLong = Math.max(2, 2 * (int) Math.round((double) longer * targetShort / shorter / 2));
            return width >= height ? new int[] {targetLong, targetShort} : new int[] {targetShort, targetLong};
        }
    }

    private LadderCommands() {
    }

    /** The platform's leading options ({@code FfmpegJob}), with FFmpeg's CPU report. */
    static List<String> common() {
        return new ArrayList<>(List.of("-nostdin", "-hide_banner", "-v", "info", "-benchmark", "-nostats", "-progress", "pipe:1", "-y"));
    }

    /** TranscodeStep's run for {@code preset}. */
    static List<String> mp4(Preset preset, int[] size, Path clip, Path out, double seconds) {
        List<String> args = input(clip);
        args.addAll(List.of("-map", "0:v:0", "-vf", scale(size)));
        args.addAll(encoding(preset));
        args.addAll(List.of("-movflags", "+faststart", "-f", "mp4", "-t", limit(seconds), "file:" + out.toAbsolutePath()));
        return args;
    }

    /** The streaming step's run of one rendition, before the ladder. */
    static List<String> hls(Preset preset, int[] size, Path clip, Path directory, double seconds) {
        List<String> args = input(clip);
        args.addAll(List.of("-map", "0:v:0", "-vf", scale(size)));
        args.addAll(encoding(preset));
        args.addAll(List.of("-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
                "-hls_segment_filename", directory.resolve("seg-%d.ts").toAbsolutePath().toString(), "-t", limit(seconds),
                "file:" + directory.resolve("index.m3u8").toAbsolutePath()));
        return args;
    }

    /**
     * The ladder's run: every preset's MP4 ({@code mp4Dir/<definition>.mp4}) and HLS rendition
     * ({@code hlsDir/<definition>/}) from one decode; {@code streamed} says which presets the HLS
     * stream has (a rendition as large as a smaller one is left out).
     */
    static List<String> ladder(List<Preset> presets, List<int[]> sizes, List<Boolean> streamed, Path clip, Path mp4Dir, Path hlsDir,
                               double seconds) {
        List<String> args = input(clip);
        args.addAll(List.of("-filter_complex", graph(sizes)));
        for (int i = 0; i < presets.size(); i++) {
            Preset preset = presets.get(i);
            args.addAll(List.of("-map", "[v" + i + "]"));
            args.addAll(encoding(preset));
            String mp4 = "[f=mp4:max_delay=700000:movflags=+faststart]file:" + mp4Dir.resolve(preset.definition() + ".mp4").toAbsolutePath();
            if (!streamed.get(i)) {
                args.addAll(List.of("-movflags", "+faststart", "-f", "mp4", "-t", limit(seconds),
                        "file:" + mp4Dir.resolve(preset.definition() + ".mp4").toAbsolutePath()));
                continue;
            }
            Path directory = hlsDir.resolve(String.valueOf(preset.definition())).toAbsolutePath();
            String hls = "[f=hls:max_delay=700000:hls_time=6:hls_playlist_type=vod:hls_segment_type=mpegts:hls_segment_filename="
                    + directory.resolve("seg-%d.ts") + "]file:" + directory.resolve("index.m3u8");
            args.addAll(List.of("-flags", "+global_header", "-f", "tee", "-t", limit(seconds), mp4 + "|" + hls));
        }
        return args;
    }

    /** Decoding alone (video and audio, nothing encoded): what each run per rendition pays again. */
    static List<String> decodeOnly(Path clip) {
        List<String> args = input(clip);
        args.addAll(List.of("-map", "0:v:0", "-map", "0:a:0?", "-f", "null", "-"));
        return args;
    }

    /** Decoding, splitting and scaling to every size, nothing encoded. */
    static List<String> decodeAndScale(List<int[]> sizes, Path clip) {
        List<String> args = input(clip);
        args.addAll(List.of("-filter_complex", graph(sizes)));
        for (int i = 0; i < sizes.size(); i++) {
            args.addAll(List.of("-map", "[v" + i + "]", "-r", "25", "-f", "null", "-"));
        }
        return args;
    }

    static String graph(List<int[]> sizes) {
        if (sizes.size() == 1) {
            return "[0:v:0]" + scale(sizes.getFirst()) + "[v0]";
        }
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(sizes.size());
        for (int i = 0; i < sizes.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < sizes.size(); i++) {
            graph.append(";[s").append(i).append(']').append(scale(sizes.get(i))).append("[v").append(i).append(']');
        }
        return graph.toString();
    }

    private static List<String> input(Path clip) {
        List<String> args = common();
        args.addAll(List.of("-protocol_whitelist", "file", "-i", "file:" + clip.toAbsolutePath()));
        return args;
    }

    private static String scale(int[] size) {
        return "scale=" + size[0] + ":" + size[1] + ",setsar=1";
    }

    private static List<String> encoding(Preset preset) {
        int kbps = preset.videoKbps();
        return List.of("-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-b:v", kbps + "k", "-maxrate", (kbps * 3 / 2) + "k", "-bufsize", (kbps * 2) + "k", "-g", "50",
                "-map", "0:a:0?", "-c:a", "aac", "-b:a", preset.audioKbps() + "k", "-ar", "44100", "-ac", "2", "-map_metadata", "-1");
    }

    private static String limit(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds + 1);
    }
}
