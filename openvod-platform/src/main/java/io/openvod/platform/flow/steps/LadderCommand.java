package io.openvod.platform.flow.steps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The FFmpeg command of a rendition ladder. The source is read and decoded once; its first video
 * stream is split ({@code split}) into one branch per {@link Rendition}, each scaled to the
 * rendition's size ({@link TranscodeStep#scale}). Each rendition is one output with its preset's
 * H.264 + AAC encoding ({@link TranscodeStep#videoCodec}, {@link TranscodeStep#audio}: the same
 * options as a run of its own), written by the muxer of its one file as that run writes it, or,
 * when several files take the same encoding (a Transcode's MP4 and an HLS rendition of one preset),
 * by FFmpeg's {@code tee} muxer, one encoding feeding several muxers.
 *
 * <p>Under {@code tee} FFmpeg cannot tell what the muxers need, so the encoders put their headers
 * out of band ({@code -flags +global_header}, which MP4 needs and with which MPEG-TS repeats them
 * before each keyframe itself), and each muxer is given the 0.7 s muxing delay ({@code max_delay})
 * that FFmpeg gives the outputs it opens itself: the MP4 and the segments are then the same as a
 * run of their own writes them (streams, sizes, timestamps). Option values and file names are
 * escaped for the {@code tee} syntax, so any work directory works.
 */
final class LadderCommand {
    /** FFmpeg's default muxing delay ({@code -muxdelay 0.7}), in microseconds. */
    static final String MUX_DELAY = "700000";

    private LadderCommand() {
    }

    /** The input, read once, and the filter graph that splits and scales its picture into {@code [v0]}, {@code [v1]} … */
    static List<String> inputs(Path source, List<Rendition> renditions) {
        return new ArrayList<>(List.of("-protocol_whitelist", "file", "-i", StepSupport.file(source),
                "-filter_complex", graph(renditions)));
    }

    /** {@code [0:v:0]split=N[s0]…;[s0]scale=W:H,setsar=1[v0];…} (no split for one rendition). */
    static String graph(List<Rendition> renditions) {
        if (renditions.size() == 1) {
            return "[0:v:0]" + scale(renditions.getFirst()) + "[v0]";
        }
        StringBuilder graph = new StringBuilder("[0:v:0]split=").append(renditions.size());
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            graph.append(";[s").append(i).append(']').append(scale(renditions.get(i))).append("[v").append(i).append(']');
        }
        return graph.toString();
    }

    private static String scale(Rendition rendition) {
        return TranscodeStep.scale(new int[] {rendition.width(), rendition.height()});
    }

    /** One output per rendition, in order, each ending with its file (or the {@code tee} muxer's list of them). */
    static List<List<String>> outputs(List<Rendition> renditions) {
        List<List<String>> outputs = new ArrayList<>();
        for (int i = 0; i < renditions.size(); i++) {
            Rendition rendition = renditions.get(i);
            List<String> output = new ArrayList<>(List.of("-map", "[v" + i + "]"));
            output.addAll(TranscodeStep.videoCodec(rendition.preset()));
            output.addAll(TranscodeStep.audio(rendition.preset()));
            if (rendition.sinks().size() == 1) {
                output.addAll(rendition.sinks().getFirst().arguments());
            } else {
                output.addAll(List.of("-flags", "+global_header", "-f", "tee", tee(rendition.sinks())));
            }
            outputs.add(output);
        }
        return outputs;
    }

    /** The {@code tee} muxer's list: {@code [f=mp4:max_delay=…:movflags=+faststart]file:…|[f=hls:…]file:…}. */
    static String tee(List<Rendition.Sink> sinks) {
        return sinks.stream().map(LadderCommand::slave).map(s -> escape(s, "|")).collect(Collectors.joining("|"));
    }

    private static String slave(Rendition.Sink sink) {
        StringBuilder slave = new StringBuilder("[f=").append(sink.format()).append(":max_delay=").append(MUX_DELAY);
        sink.options().forEach((key, value) -> slave.append(':').append(key).append('=').append(escape(value, ":]")));
        return slave.append(']').append(sink.target()).toString();
    }

    /**
     * {@code text} as FFmpeg's tokenizer ({@code av_get_token}) reads back a token ending at one of
     * {@code delimiters}: those, backslashes and quotes escaped with a backslash.
     */
    static String escape(String text, String delimiters) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '\'' || delimiters.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
