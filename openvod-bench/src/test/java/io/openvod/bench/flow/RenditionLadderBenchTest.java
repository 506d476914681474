package io.openvod.bench.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rendition-ladder bench's harness: its options, the sizes and commands it runs, FFmpeg's CPU report. */
class RenditionLadderBenchTest {

    @Test
    void optionsHaveDefaultsAndRefuseWhatCannotBeRun() {
        LadderOptions o = LadderOptions.parse(new String[] {"--dir", "d"});
        assertThat(o).isEqualTo(new LadderOptions(Path.of("d"), 5, 30, 1280, 720, 2, true, 500));
        assertThat(LadderOptions.parse(new String[] {"--dir", "d", "--size", "1920x1080", "--no-flow", "--lanes", "1"}))
                .extracting(LadderOptions::width, LadderOptions::height, LadderOptions::flows, LadderOptions::lanes)
                .containsExactly(1920, 1080, false, 1);
        assertThatThrownBy(() -> LadderOptions.parse(new String[0])).hasMessageContaining("--dir");
        assertThatThrownBy(() -> LadderOptions.parse(new String[] {"--dir", "d", "--size", "1281x720"})).hasMessageContaining("even");
        assertThatThrownBy(() -> LadderOptions.parse(new String[] {"--dir", "d", "--rounds", "0"})).hasMessageContaining("positive");
        assertThatThrownBy(() -> LadderOptions.parse(new String[] {"--dir", "d", "--fast", "1"})).hasMessageContaining("unknown option");
    }

    @Test
    void presetsScaleAsThePlatformsDo() {
        List<LadderCommands.Preset> ladder = LadderCommands.Preset.LADDER;
        assertThat(ladder.get(0).size(1280, 720)).containsExactly(640, 360);
        assertThat(ladder.get(1).size(1920, 1080)).containsExactly(960, 540);
        assertThat(ladder.get(2).size(1920, 1080)).containsExactly(1280, 720);
        assertThat(ladder.get(2).size(640, 400)).as("never upscaled").containsExactly(640, 400);
        assertThat(ladder.get(0).size(333, 251)).containsExactly(332, 250);
    }

    @Test
    void theLadderDecodesOnceAndTeesEachEncodingIntoItsMp4AndItsHlsRendition() {
        List<int[]> sizes = List.of(new int[] {640, 360}, new int[] {960, 540}, new int[] {960, 540});
        List<String> args = LadderCommands.ladder(LadderCommands.Preset.LADDER, sizes, List.of(true, true, false), Path.of("/c.mp4"),
                Path.of("/m"), Path.of("/h"), 30);

        assertThat(args.stream().filter(a -> a.equals("-i"))).hasSize(1);
        assertThat(args).contains("[0:v:0]split=3[s0][s1][s2];[s0]scale=640:360,setsar=1[v0];[s1]scale=960:540,setsar=1[v1];"
                + "[s2]scale=960:540,setsar=1[v2]");
        assertThat(args).containsSubsequence("-map", "[v0]", "-b:v", "400k", "-flags", "+global_header", "-f", "tee", "-t", "31.000",
                "[f=mp4:max_delay=700000:movflags=+faststart]file:/m/100010.mp4|[f=hls:max_delay=700000:hls_time=6:hls_playlist_type=vod"
                        + ":hls_segment_type=mpegts:hls_segment_filename=/h/100010/seg-%d.ts]file:/h/100010/index.m3u8");
        assertThat(args).as("100030 is as large as 100020 here: an MP4 alone").containsSubsequence("-map", "[v2]", "-b:v", "1800k",
                "-movflags", "+faststart", "-f", "mp4", "-t", "31.000", "file:/m/100030.mp4");
        assertThat(args.getLast()).isEqualTo("file:/m/100030.mp4");
    }

    @Test
    void aRunPerRenditionDecodesTheSourceItself() {
        List<String> mp4 = LadderCommands.mp4(LadderCommands.Preset.LADDER.get(0), new int[] {640, 360}, Path.of("/c.mp4"),
                Path.of("/m/100010.mp4"), 30);
        List<String> hls = LadderCommands.hls(LadderCommands.Preset.LADDER.get(0), new int[] {640, 360}, Path.of("/c.mp4"),
                Path.of("/h/100010"), 30);

        assertThat(mp4).containsSubsequence("-i", "file:/c.mp4", "-map", "0:v:0", "-vf", "scale=640:360,setsar=1", "-g", "50",
                "-movflags", "+faststart", "-f", "mp4", "-t", "31.000", "file:/m/100010.mp4");
        assertThat(hls).containsSubsequence("-i", "file:/c.mp4", "-vf", "scale=640:360,setsar=1", "-f", "hls", "-hls_time", "6",
                "-hls_segment_filename", "/h/100010/seg-%d.ts", "-t", "31.000", "file:/h/100010/index.m3u8");
        assertThat(mp4).contains("-benchmark");
    }

    @Test
    void ffmpegsCpuReportIsRead() {
        assertThat(FfmpegRun.parse("[out#0] video:1kB\nbench: utime=12.345s stime=0.678s rtime=7.000s\n")).hasValueSatisfying(
                cpu -> assertThat(cpu).containsExactly(12.345, 0.678));
        assertThat(FfmpegRun.parse("no report")).isEmpty();
        assertThat(RenditionLadderBench.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(RenditionLadderBench.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }
}
