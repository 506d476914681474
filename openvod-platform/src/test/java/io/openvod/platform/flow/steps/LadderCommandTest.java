package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LadderCommandTest {
    private static final TranscodePreset LD = TranscodePreset.mp4(100010).orElseThrow();
    private static final TranscodePreset SD = TranscodePreset.mp4(100020).orElseThrow();

    @Test
    void oneDecodeIsSplitIntoAScaledBranchPerRendition() {
        List<Rendition> renditions = List.of(new Rendition(LD, 640, 360, List.of(new Rendition.Sink.Mp4(Path.of("/w/a.mp4")))),
                new Rendition(SD, 960, 540, List.of(new Rendition.Sink.Mp4(Path.of("/w/b.mp4")))));

        assertThat(LadderCommand.inputs(Path.of("/m/clip.mp4"), renditions)).containsExactly("-protocol_whitelist", "file",
                "-i", "file:/m/clip.mp4", "-filter_complex",
                "[0:v:0]split=2[s0][s1];[s0]scale=640:360,setsar=1[v0];[s1]scale=960:540,setsar=1[v1]");
        assertThat(LadderCommand.graph(renditions.subList(0, 1))).isEqualTo("[0:v:0]scale=640:360,setsar=1[v0]");
    }

    @Test
    void aRenditionWithOneFileIsEncodedAndWrittenAsByARunOfItsOwn() {
        Path mp4 = Path.of("/w/transcode-100010.mp4");
        List<String> output = LadderCommand.outputs(List.of(new Rendition(LD, 640, 360, List.of(new Rendition.Sink.Mp4(mp4))))).getFirst();

        assertThat(output).as("the encoding and muxer of TranscodeStep, the picture from the split").isEqualTo(concat(
                List.of("-map", "[v0]"), TranscodeStep.videoCodec(LD), TranscodeStep.audio(LD), TranscodeStep.mp4(mp4)));
        assertThat(output).containsSubsequence("-r", "25", "-c:v", "libx264", "-preset", "veryfast", "-b:v", "400k", "-g", "50",
                "-c:a", "aac", "-b:a", "64k", "-ar", "44100", "-movflags", "+faststart", "-f", "mp4", "file:" + mp4);
    }

    @Test
    void filesSharingAnEncodingAreWrittenByTheTeeMuxerEachAsAlone() {
        List<String> output = LadderCommand.outputs(List.of(new Rendition(LD, 640, 360, List.of(
                new Rendition.Sink.Mp4(Path.of("/w/1/transcode-100010.mp4")), new Rendition.Sink.Hls(Path.of("/w/2/hls-10/100010"))))))
                .getFirst();

        assertThat(output).containsSubsequence("-map", "[v0]", "-c:v", "libx264", "-c:a", "aac", "-flags", "+global_header", "-f", "tee");
        assertThat(output.getLast()).isEqualTo("[f=mp4:max_delay=700000:movflags=+faststart]file:/w/1/transcode-100010.mp4"
                + "|[f=hls:max_delay=700000:hls_time=6:hls_playlist_type=vod:hls_segment_type=mpegts"
                + ":hls_segment_filename=/w/2/hls-10/100010/seg-%d.ts]file:/w/2/hls-10/100010/index.m3u8");
    }

    @Test
    void namesAreEscapedForEachLevelOfTheTeeSyntax() {
        assertThat(LadderCommand.escape("a:b]c|d\\e'f", ":]")).isEqualTo("a\\:b\\]c|d\\\\e\\'f");
        assertThat(LadderCommand.escape("a:b]c|d", "|")).isEqualTo("a:b]c\\|d");
        String tee = LadderCommand.tee(List.of(new Rendition.Sink.Hls(Path.of("/w/x:y|z")), new Rendition.Sink.Mp4(Path.of("/w/p|q.mp4"))));
        assertThat(tee).isEqualTo("[f=hls:max_delay=700000:hls_time=6:hls_playlist_type=vod:hls_segment_type=mpegts"
                + ":hls_segment_filename=/w/x\\\\:y\\|z/seg-%d.ts]file:/w/x:y\\|z/index.m3u8"
                + "|[f=mp4:max_delay=700000:movflags=+faststart]file:/w/p\\|q.mp4");
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
