package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.JointStep;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.StepOutputs;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.TestClips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendition ladder against the runs it replaces, with the real FFmpeg: a flow's Transcode
 * 100010, 100020 and 100030 and its AdaptiveDynamicStreaming 10, all from one decode of an 8 s
 * 960x540 clip, compared with {@link TranscodeStep} run once per Definition and with the HLS
 * command the streaming step ran once per rendition before.
 */
class RenditionLadderTest {
    private static final FfmpegTools TOOLS = FfmpegTools.bundled();
    /** Output fields that measure the file's bytes, which differ between two runs of x264 (its threads). */
    private static final Set<String> MEASURED = Set.of("Size", "Md5", "Bitrate");

    @TempDir
    static Path shared;
    static Path clip;
    static MediaMetadata source;
    static TestOutputs ladderOutputs;
    static List<JointStep.Result> ladder;
    static TestOutputs aloneOutputs;
    static List<ObjectNode> transcodedAlone = new ArrayList<>();
    static ObjectNode streamedAlone;
    static Map<Long, Path> hlsBefore;

    @TempDir
    Path temp;

    @BeforeAll
    static void runTheLadderAndEachTaskAlone() throws Exception {
        clip = TestClips.mp4(shared.resolve("clip.mp4"), Duration.ofSeconds(8), 960, 540);
        source = new MediaProbe(TOOLS).probe(clip);
        ladderOutputs = new TestOutputs(shared.resolve("ladder"));
        TestOutputs.Progress progress = new TestOutputs.Progress();
        ladder = new RenditionLadder(TOOLS).run(List.of(
                transcode(shared, 100010, ladderOutputs), transcode(shared, 100020, ladderOutputs), transcode(shared, 100030, ladderOutputs),
                streaming(shared, 10, ladderOutputs)), progress);
        assertThat(progress.reports).isSorted().endsWith(100);

        aloneOutputs = new TestOutputs(shared.resolve("alone"));
        TranscodeStep step = new TranscodeStep(TOOLS);
        for (long definition : new long[] {100010, 100020, 100030}) {
            transcodedAlone.add(step.run(transcode(shared, definition, aloneOutputs).input(), null));
        }
        streamedAlone = new AdaptiveDynamicStreamingStep(TOOLS).run(streaming(shared, 10, aloneOutputs).input(), null);
        hlsBefore = Map.of(100010L, hlsAsBefore(100010), 100020L, hlsAsBefore(100020));
    }

    private static JointStep.Task transcode(Path temp, long definition, TestOutputs outputs) {
        return new JointStep.Task("Transcode", TestOutputs.input(temp, clip, 8, TestOutputs.json().put("Definition", definition), outputs));
    }

    private static JointStep.Task streaming(Path temp, long definition, TestOutputs outputs) {
        return new JointStep.Task("AdaptiveDynamicStreaming", TestOutputs.input(temp, clip, 8,
                TestOutputs.json().put("Definition", definition), outputs));
    }

    /** One rendition of template 10 as the streaming step encoded it before the ladder: a run of its own. */
    private static Path hlsAsBefore(long definition) throws Exception {
        TranscodePreset preset = TranscodePreset.mp4(definition).orElseThrow();
        Path directory = Files.createDirectories(shared.resolve("before").resolve(String.valueOf(definition)));
        List<String> args = TranscodeStep.encoding(preset, source, clip);
        args.addAll(List.of("-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
                "-hls_segment_filename", directory.resolve("seg-%d.ts").toString(), "file:" + directory.resolve("index.m3u8")));
        new FfmpegJob(TOOLS).run(args, clip, 8, Duration.ofMinutes(5), null);
        return directory;
    }

    private static ObjectNode done(int task) {
        assertThat(ladder.get(task)).isInstanceOf(JointStep.Result.Done.class);
        return ((JointStep.Result.Done) ladder.get(task)).output();
    }

    @Test
    void eachMp4HasTheFormatAndDurationOfItsOwnRun() {
        for (int i = 0; i < 3; i++) {
            Path joint = ladderOutputs.file(done(i).path("Url").asText());
            Path alone = aloneOutputs.file(transcodedAlone.get(i).path("Url").asText());
            assertThat(joint).isNotEqualTo(alone);
            Probed.of(joint).assertSameFormatAs(Probed.of(alone));
        }
        assertThat(Probed.of(ladderOutputs.file(done(0).path("Url").asText())).streams())
                .extracting(s -> s.path("codec_name").asText() + " " + s.path("width").asInt()).containsExactly("h264 640", "aac 0");
    }

    @Test
    void eachHlsRenditionHasTheSegmentsAndPlaylistOfItsOwnRun() throws Exception {
        for (long definition : List.of(100010L, 100020L)) {
            Path joint = ladderOutputs.root.resolve("hls/10/" + definition);
            Path before = hlsBefore.get(definition);
            assertThat(files(joint)).as("rendition %s", definition).isEqualTo(files(before)).contains("index.m3u8", "seg-0.ts", "seg-1.ts");
            assertThat(Files.readString(joint.resolve("index.m3u8"))).isEqualTo(Files.readString(before.resolve("index.m3u8")));
            for (String segment : files(before)) {
                if (segment.endsWith(".ts")) {
                    Probed.of(joint.resolve(segment)).assertSameFormatAs(Probed.of(before.resolve(segment)));
                    Probed.of(aloneOutputs.root.resolve("hls/10/" + definition + "/" + segment))
                            .assertSameFormatAs(Probed.of(before.resolve(segment)));
                }
            }
        }
        assertThat(ladderOutputs.root.resolve("hls/10/100030")).as("as large as 100020's: left out").doesNotExist();
    }

    @Test
    void eachTaskIsReportedAsItsStepReportsIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            ObjectNode item = done(i);
            assertSameExceptMeasured(item, transcodedAlone.get(i), "Transcode " + i);
            Path file = ladderOutputs.file(item.path("Url").asText());
            assertThat(item.path("Size").asLong()).isEqualTo(Files.size(file));
            assertThat(item.path("Md5").asText()).isEqualTo(md5(file));
            assertThat(item.path("Bitrate").asLong()).isPositive();
        }
        ObjectNode streamed = done(3);
        assertSameExceptMeasured(streamed, streamedAlone, "AdaptiveDynamicStreaming");
        long size;
        try (Stream<Path> files = Files.walk(ladderOutputs.root.resolve("hls/10"))) {
            size = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(streamed.path("Size").asLong()).isEqualTo(size);
        assertThat(new HashSet<>(ladderOutputs.stored)).as("the same objects stored, under the same names")
                .isEqualTo(new HashSet<>(aloneOutputs.stored));
        assertThat(ladderOutputs.stored.getLast()).as("the master playlist last").isEqualTo("hls/10/index.m3u8");
    }

    /** The same fields everywhere, the same values but for the measured bytes, durations within a frame. */
    private static void assertSameExceptMeasured(JsonNode joint, JsonNode alone, String where) {
        if (joint.isObject()) {
            List<String> names = new ArrayList<>();
            joint.fieldNames().forEachRemaining(names::add);
            List<String> theirs = new ArrayList<>();
            alone.fieldNames().forEachRemaining(theirs::add);
            assertThat(names).as(where + ": fields").isEqualTo(theirs);
            for (String name : names) {
                if (MEASURED.contains(name)) {
                    assertThat(joint.get(name).getNodeType()).as(where + "." + name).isEqualTo(alone.get(name).getNodeType());
                } else if (name.equals("Duration")) {
                    assertThat(joint.get(name).asDouble()).as(where + ".Duration").isCloseTo(alone.get(name).asDouble(), within(Probed.FRAME));
                } else {
                    assertSameExceptMeasured(joint.get(name), alone.get(name), where + "." + name);
                }
            }
        } else if (joint.isArray()) {
            assertThat(joint.size()).as(where).isEqualTo(alone.size());
            Iterator<JsonNode> theirs = alone.elements();
            int i = 0;
            for (JsonNode element : joint) {
                assertSameExceptMeasured(element, theirs.next(), where + "[" + i++ + "]");
            }
        } else {
            assertThat(joint).as(where).isEqualTo(alone);
        }
    }

    @Test
    void aTaskWhoseFilesCannotBeStoredFailsAloneAndTheOthersAreDone() throws Exception {
        Path small = TestClips.mp4(temp.resolve("small.mp4"), Duration.ofSeconds(2), 320, 240);
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));
        StepOutputs refusing = new StepOutputs() {
            @Override
            public String store(String name, Path file) {
                throw new UncheckedIOException(new IOException("the store is unavailable"));
            }

            @Override
            public String url(String name) {
                return outputs.url(name);
            }
        };

        List<JointStep.Result> results = new RenditionLadder(TOOLS).run(List.of(
                new JointStep.Task("Transcode", input(small, 100010, refusing)),
                new JointStep.Task("AdaptiveDynamicStreaming", input(small, 10, outputs))), null);

        assertThat(results.get(0)).isInstanceOfSatisfying(JointStep.Result.Failed.class,
                failed -> assertThat(failed.failure()).isInstanceOf(UncheckedIOException.class).hasMessageContaining("unavailable"));
        assertThat(results.get(1)).isInstanceOfSatisfying(JointStep.Result.Done.class,
                done -> assertThat(done.output().path("Url").asText()).isEqualTo(TestOutputs.BASE + "hls/10/index.m3u8"));
        assertThat(outputs.stored).contains("hls/10/100010/seg-0.ts", "hls/10/index.m3u8");
    }

    @Test
    void workDirectoriesWithTheTeeMuxersSpecialCharactersWork() throws Exception {
        Path small = TestClips.mp4(temp.resolve("small.mp4"), Duration.ofSeconds(2), 320, 240);
        Path odd = Files.createDirectories(temp.resolve("a:b'c|d]e [f] \\g"));
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        List<JointStep.Result> results = new RenditionLadder(TOOLS).run(List.of(
                new JointStep.Task("Transcode", TestOutputs.input(odd, small, 2, TestOutputs.json().put("Definition", 100010), outputs)),
                new JointStep.Task("AdaptiveDynamicStreaming", TestOutputs.input(odd, small, 2, TestOutputs.json().put("Definition", 10),
                        outputs))), null);

        assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOf(JointStep.Result.Done.class));
        assertThat(outputs.stored).contains("transcode/100010.mp4", "hls/10/100010/seg-0.ts", "hls/10/100010/index.m3u8");
        assertThat(new MediaProbe(TOOLS).probe(outputs.root.resolve("transcode/100010.mp4")).duration()).isCloseTo(2f, within(0.15f));
    }

    @Test
    void aSourceWithoutPictureIsLeftToEachTasksOwnStep() throws Exception {
        Path audio = TestClips.ffmpeg(temp.resolve("audio.m4a"), List.of("-nostdin", "-v", "error", "-y", "-f", "lavfi",
                "-i", "sine=frequency=440:duration=2", "-c:a", "aac", temp.resolve("audio.m4a").toString()));
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        List<JointStep.Result> results = new RenditionLadder(TOOLS).run(List.of(
                new JointStep.Task("Transcode", input(audio, 100010, outputs)),
                new JointStep.Task("AdaptiveDynamicStreaming", input(audio, 10, outputs))), null);

        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(JointStep.Result.Alone.class));
        assertThat(outputs.stored).isEmpty();
    }

    @Test
    void aSourceFfmpegCannotReadFailsEveryTaskAsEachWouldAlone() {
        Path corrupt = TestClips.bytes(temp.resolve("corrupt.mp4"), 200_000, 7);
        TestOutputs outputs = new TestOutputs(temp.resolve("out"));

        assertThatThrownBy(() -> new RenditionLadder(TOOLS).run(List.of(
                new JointStep.Task("Transcode", input(corrupt, 100010, outputs)),
                new JointStep.Task("Transcode", input(corrupt, 100020, outputs))), null))
                .isInstanceOfSatisfying(StepFailure.class, failure -> {
                    assertThat(failure.errCodeExt()).isEqualTo("SourceFileError.ContentMalformed");
                    assertThat(failure.retryable()).isFalse();
                });
        assertThatThrownBy(() -> new TranscodeStep(TOOLS).run(input(corrupt, 100010, outputs), null))
                .isInstanceOfSatisfying(StepFailure.class, alone -> assertThat(alone.errCodeExt()).isEqualTo("SourceFileError.ContentMalformed"));
    }

    @Test
    void itJoinsTranscodesOfMp4PresetsAndStreamsOfKnownTemplates() {
        RenditionLadder step = new RenditionLadder(TOOLS);
        assertThat(step.joins("Transcode", TestOutputs.json().put("Definition", 100010))).isTrue();
        assertThat(step.joins("Transcode", TestOutputs.json().put("Definition", "100030"))).isTrue();
        assertThat(step.joins("Transcode", TestOutputs.json().put("Definition", 100010.0))).isTrue();
        assertThat(step.joins("Transcode", TestOutputs.json().put("Definition", 12345))).isFalse();
        assertThat(step.joins("Transcode", TestOutputs.json().put("Definition", 10))).isFalse();
        assertThat(step.joins("Transcode", TestOutputs.json())).isFalse();
        assertThat(step.joins("AdaptiveDynamicStreaming", TestOutputs.json().put("Definition", 10))).isTrue();
        assertThat(step.joins("AdaptiveDynamicStreaming", TestOutputs.json().put("Definition", 100010))).isFalse();
        assertThat(step.joins("CoverBySnapshot", TestOutputs.json().put("Definition", 10))).isFalse();
    }

    private StepInput input(Path file, long definition, StepOutputs outputs) throws IOException {
        return new StepInput("task-1", "file-1", file, 0, TestOutputs.json().put("Definition", definition),
                Files.createTempDirectory(temp, "work"), outputs);
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }
}
