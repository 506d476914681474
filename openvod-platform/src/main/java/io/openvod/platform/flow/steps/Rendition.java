package io.openvod.platform.flow.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One encoding of the source in a rendition ladder: a preset at the picture size it gives the
 * source, and the files its one encoder feeds ({@link Sink}s: the MP4 of a Transcode task, a
 * rendition of an AdaptiveDynamicStreaming task).
 */
record Rendition(TranscodePreset preset, int width, int height, List<Sink> sinks) {
    Rendition {
        Objects.requireNonNull(preset, "preset == null");
        sinks = List.copyOf(sinks);
        if (sinks.isEmpty()) {
            throw new IllegalArgumentException("a rendition without files");
        }
    }

    /** Where an encoding is written, by one muxer: its format, its options and its file. */
    sealed interface Sink {
        /** FFmpeg's name of the muxer. */
        String format();

        /** The muxer's options, in order. */
        Map<String, String> options();

        /** The file the muxer writes (FFmpeg's {@code file:} name). */
        String target();

        /** The output's arguments after its encoding, as a run of its own gives them: options, format, file. */
        default List<String> arguments() {
            List<String> args = new ArrayList<>();
            options().forEach((key, value) -> args.addAll(List.of("-" + key, value)));
            args.addAll(List.of("-f", format(), target()));
            return args;
        }

        /** {@code transcode/<Definition>.mp4}: the index first ({@code +faststart}), for progressive playback. */
        record Mp4(Path file) implements Sink {
            @Override
            public String format() {
                return "mp4";
            }

            @Override
            public Map<String, String> options() {
                return Map.of("movflags", "+faststart");
            }

            @Override
            public String target() {
                return StepSupport.file(file);
            }
        }

        /**
         * One rendition of an HLS stream in {@code directory}: {@code seg-<n>.ts}, MPEG-TS segments of
         * {@link AdaptiveDynamicStreamingStep#SEGMENT_SECONDS} seconds, and the VOD playlist
         * {@code index.m3u8} naming them relatively.
         */
        record Hls(Path directory) implements Sink {
            @Override
            public String format() {
                return "hls";
            }

            @Override
            public Map<String, String> options() {
                Map<String, String> options = new LinkedHashMap<>();
                options.put("hls_time", String.valueOf(AdaptiveDynamicStreamingStep.SEGMENT_SECONDS));
                options.put("hls_playlist_type", "vod");
                options.put("hls_segment_type", "mpegts");
                options.put("hls_segment_filename", directory.resolve("seg-%d.ts").toString());
                return options;
            }

            @Override
            public List<String> arguments() {
                List<String> args = new ArrayList<>(List.of("-f", format()));
                options().forEach((key, value) -> args.addAll(List.of("-" + key, value)));
                args.add(target());
                return args;
            }

            @Override
            public String target() {
                return StepSupport.file(playlist());
            }

            Path playlist() {
                return directory.resolve("index.m3u8");
            }
        }
    }
}
