package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.files.OwnerOnly;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code AdaptiveDynamicStreaming}: input {@code {Definition}}; the source as HLS with one
 * rendition per transcoding preset of the template, each encoded as {@link TranscodeStep} does
 * (H.264 + AAC, keyframes every 2 s) and cut into 6-second MPEG-TS segments. Template 10 has the
 * renditions 100010, 100020 and 100030; a rendition that would be the same size as a smaller one
 * (the source being smaller than its preset) is left out. All renditions come from one FFmpeg run
 * that decodes the source once ({@link LadderCommand}).
 *
 * <p>Stored under {@code hls/<Definition>/}: {@code <rendition>/seg-<n>.ts}, then each rendition's
 * {@code <rendition>/index.m3u8}, then the master playlist {@code index.m3u8} last, so that a master
 * playlist that exists names only stored files. Playlists name their files relatively, so they play
 * from wherever they are stored. The output is Tencent's {@code AdaptiveDynamicStreamingInfoItem}
 * {@code {Definition, Package: "HLS", DrmType: "", Url, Size, DigitalWatermarkType: "None",
 * SubStreamSet: [{Type: "video", Width, Height, Size}]}}, Url the master playlist's and Size the
 * bytes of all its files.
 */
public final class AdaptiveDynamicStreamingStep implements TaskStep {
    static final Map<Long, List<Long>> TEMPLATES = Map.of(10L, List.of(100010L, 100020L, 100030L));
    static final int SEGMENT_SECONDS = 6;

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;

    public AdaptiveDynamicStreamingStep(FfmpegTools tools) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
    }

    @Override
    public String type() {
        return "AdaptiveDynamicStreaming";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        long definition = StepSupport.definition(input);
        List<Long> template = template(definition);
        MediaMetadata source = StepSupport.probe(probe, input.source());
        FrameGrab.requireVideo(source, input.source());
        double duration = StepSupport.duration(input, source);
        List<TranscodePreset> renditions = renditions(template, source);
        List<Rendition> ladder = new ArrayList<>();
        for (TranscodePreset preset : renditions) {
            int[] size = TranscodeStep.outputSize(preset, source);
            ladder.add(new Rendition(preset, size[0], size[1], List.of(sink(input, definition, preset))));
        }
        RenditionLadder.encode(ffmpeg, input.source(), ladder, duration, progress);
        ObjectNode output = store(input, definition, renditions, source, duration);
        if (progress != null) {
            progress.progress(100);
        }
        return output;
    }

    /** The renditions of template {@code definition}; fails, not retryable, for a template there is none of. */
    static List<Long> template(long definition) throws StepFailure {
        List<Long> template = TEMPLATES.get(definition);
        if (template == null) {
            throw new StepFailure(StepSupport.INVALID_DEFINITION, "no adaptive streaming template " + definition, false);
        }
        return template;
    }

    /** The work directory where the rendition {@code preset} of template {@code definition} is written. */
    static Path directory(StepInput input, long definition, TranscodePreset preset) {
        return root(input, definition).resolve(String.valueOf(preset.definition()));
    }

    /** The HLS file FFmpeg writes the rendition {@code preset} of template {@code definition} to, its directory created. */
    static Rendition.Sink.Hls sink(StepInput input, long definition, TranscodePreset preset) throws StepFailure {
        Path directory = directory(input, definition, preset);
        createDirectories(directory);
        return new Rendition.Sink.Hls(directory);
    }

    private static Path root(StepInput input, long definition) {
        return input.workDir().resolve("hls-" + definition);
    }

    /**
     * Stores the renditions FFmpeg wrote into their {@link #directory}s, writes and stores the master
     * playlist, and returns the step's Output.
     */
    static ObjectNode store(StepInput input, long definition, List<TranscodePreset> renditions, MediaMetadata source,
                            double duration) throws StepFailure {
        String prefix = "hls/" + definition + "/";
        long totalSize = 0;
        StringBuilder master = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        ArrayNode subStreams = JsonNodeFactory.instance.arrayNode();
        for (TranscodePreset preset : renditions) {
            Path directory = directory(input, definition, preset);
            StepSupport.requireOutput(directory.resolve("index.m3u8"), "playlist");
            String name = prefix + preset.definition() + "/";
            long size = 0;
            for (Path segment : segments(directory)) {
                size += size(segment);
                input.outputs().store(name + segment.getFileName(), segment);
            }
            size += size(directory.resolve("index.m3u8"));
            input.outputs().store(name + "index.m3u8", directory.resolve("index.m3u8"));
            totalSize += size;

            int[] picture = TranscodeStep.outputSize(preset, source);
            long peak = (preset.videoKbps() * 3L / 2 + preset.audioKbps()) * 1000;
            long average = duration > 0 ? Math.round(size * 8 / duration) : peak;
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(Math.max(peak, average))
                    .append(",AVERAGE-BANDWIDTH=").append(average)
                    .append(",RESOLUTION=").append(picture[0]).append('x').append(picture[1]).append('\n')
                    .append(preset.definition()).append("/index.m3u8\n");
            ObjectNode subStream = subStreams.addObject();
            subStream.put("Type", "video");
            subStream.put("Width", picture[0]);
            subStream.put("Height", picture[1]);
            subStream.put("Size", size);
        }
        Path masterFile = root(input, definition).resolve("index.m3u8");
        try {
            Files.writeString(OwnerOnly.createFile(masterFile), master.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot write the master playlist: " + e.getMessage(), true, e);
        }
        totalSize += size(masterFile);
        String url = input.outputs().store(prefix + "index.m3u8", masterFile);

        output.put("Definition", definition);
        output.put("Package", "HLS");
        output.put("DrmType", "");
        output.put("Url", url);
        output.put("Size", totalSize);
        output.put("DigitalWatermarkType", "None");
        output.set("SubStreamSet", subStreams);
        return output;
    }

    /** The template's presets, smallest first, without one the same size as a smaller one. */
    static List<TranscodePreset> renditions(List<Long> template, MediaMetadata source) {
        List<TranscodePreset> kept = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        template.stream().map(id -> TranscodePreset.mp4(id).orElseThrow())
                .sorted((a, b) -> Integer.compare(a.shortSide(), b.shortSide()))
                .forEach(preset -> {
                    int[] size = TranscodeStep.outputSize(preset, source);
                    if (sizes.stream().noneMatch(other -> Arrays.equals(other, size))) {
                        sizes.add(size);
                        kept.add(preset);
                    }
                });
        return kept;
    }

    /** The segments in the order FFmpeg numbered them. */
    private static List<Path> segments(Path directory) throws StepFailure {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().matches("seg-\\d+\\.ts"))
                    .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot list the segments: " + e.getMessage(), true, e);
        }
    }

    private static int number(Path segment) {
        String name = segment.getFileName().toString();
        return Integer.parseInt(name.substring(4, name.length() - 3));
    }

    private static long size(Path file) throws StepFailure {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot read " + file.getFileName() + ": " + e.getMessage(),
                    true, e);
        }
    }

    private static void createDirectories(Path directory) throws StepFailure {
        try {
            OwnerOnly.createDirectories(directory);
        } catch (IOException e) {
            throw new StepFailure(FfmpegJob.INTERNAL_ERROR, "cannot create a working directory: " + e.getMessage(), true, e);
        }
    }
}
