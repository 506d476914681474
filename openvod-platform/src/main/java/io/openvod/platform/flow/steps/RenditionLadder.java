package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.JointStep;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rendition ladder of a flow: its {@code Transcode} tasks (MP4 presets) and
 * {@code AdaptiveDynamicStreaming} tasks (HLS templates) encoded in one FFmpeg run that decodes the
 * source once ({@link LadderCommand}): one encoder per preset, feeding the MP4 of each Transcode of
 * that preset and the HLS rendition of each stream that has it. Each task's files are then stored
 * under the same names and reported with the same Output as by {@link TranscodeStep} and
 * {@link AdaptiveDynamicStreamingStep} (measured from its own files), one task after the other: a
 * task whose files cannot be stored fails alone.
 *
 * <p>The source is probed once; when it cannot be read or is too long, every task fails as each
 * would alone. A source without a picture has no decode to share: each task runs alone (an
 * audio-only MP4, an HLS refused). When FFmpeg refuses the source (a non-zero exit) each task runs
 * alone, so each gets the verdict it would get alone; when FFmpeg crashes, is killed or cannot start,
 * every task's attempt fails (retryably) and is retried alone. FFmpeg gets 10 minutes plus three
 * times the source's duration per rendition.
 */
public final class RenditionLadder implements JointStep {
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(10);
    private static final String TRANSCODE = "Transcode";
    private static final String STREAMING = "AdaptiveDynamicStreaming";

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;

    public RenditionLadder(FfmpegTools tools) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
    }

    /** A Transcode of an MP4 preset, or an AdaptiveDynamicStreaming of a known template. */
    @Override
    public boolean joins(String type, ObjectNode input) {
        Optional<Long> definition = definition(input.path("Definition"));
        return switch (type) {
            case TRANSCODE -> definition.flatMap(TranscodePreset::mp4).isPresent();
            case STREAMING -> definition.map(AdaptiveDynamicStreamingStep.TEMPLATES::containsKey).orElse(false);
            default -> false;
        };
    }

    /** A whole-number Definition (or a numeric string), as {@link StepSupport#definition} reads it. */
    private static Optional<Long> definition(JsonNode node) {
        if (node.isNumber() && node.canConvertToExactIntegral()) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual() && node.asText().strip().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(node.asText().strip()));
        }
        return Optional.empty();
    }

    /** What one task of the ladder writes: an MP4, or the renditions of an HLS stream. */
    private sealed interface Part {
        record Mp4(StepInput input, long definition, Path file) implements Part {
        }

        record Hls(StepInput input, long definition, List<TranscodePreset> renditions) implements Part {
        }
    }

    @Override
    public List<Result> run(List<Task> tasks, TaskStep.ProgressListener progress) throws StepFailure {
        StepInput first = tasks.getFirst().input();
        MediaMetadata source = StepSupport.probe(probe, first.source());
        double duration = StepSupport.duration(first, source);
        if (source.videoStreams().isEmpty()) {
            return alone(tasks);
        }
        List<Part> parts = new ArrayList<>();
        for (Task task : tasks) {
            parts.add(part(task, source));
        }
        try {
            encode(ffmpeg, first.source(), renditions(parts, source), duration, progress);
        } catch (StepFailure f) {
            if (f.retryable()) {
                throw f;
            }
            return alone(tasks);
        }
        List<Result> results = new ArrayList<>();
        for (Part part : parts) {
            results.add(store(part, source, duration));
        }
        if (progress != null) {
            progress.progress(100);
        }
        return results;
    }

    private static List<Result> alone(List<Task> tasks) {
        return tasks.stream().<Result>map(t -> new Result.Alone()).toList();
    }

    private static Part part(Task task, MediaMetadata source) throws StepFailure {
        long definition = StepSupport.definition(task.input());
        return switch (task.type()) {
            case TRANSCODE -> {
                TranscodeStep.preset(definition);
                yield new Part.Mp4(task.input(), definition, TranscodeStep.target(task.input(), definition));
            }
            case STREAMING -> new Part.Hls(task.input(), definition,
                    AdaptiveDynamicStreamingStep.renditions(AdaptiveDynamicStreamingStep.template(definition), source));
            default -> throw new IllegalArgumentException("the ladder does not run " + task.type() + " tasks");
        };
    }

    /** One rendition per preset the parts use, smallest first, each with every file of its preset. */
    private static List<Rendition> renditions(List<Part> parts, MediaMetadata source) throws StepFailure {
        Map<TranscodePreset, List<Rendition.Sink>> sinks = new LinkedHashMap<>();
        for (Part part : parts) {
            switch (part) {
                case Part.Mp4 mp4 -> sinks.computeIfAbsent(TranscodeStep.preset(mp4.definition()), p -> new ArrayList<>())
                        .add(new Rendition.Sink.Mp4(mp4.file()));
                case Part.Hls hls -> {
                    for (TranscodePreset preset : hls.renditions()) {
                        sinks.computeIfAbsent(preset, p -> new ArrayList<>())
                                .add(AdaptiveDynamicStreamingStep.sink(hls.input(), hls.definition(), preset));
                    }
                }
            }
        }
        List<Rendition> renditions = new ArrayList<>();
        sinks.forEach((preset, files) -> {
            int[] size = TranscodeStep.outputSize(preset, source);
            renditions.add(new Rendition(preset, size[0], size[1], files));
        });
        renditions.sort(Comparator.comparingInt((Rendition r) -> r.preset().shortSide()).thenComparingLong(r -> r.preset().definition()));
        return renditions;
    }

    /** Encodes {@code renditions} of {@code source} in one FFmpeg run (0–99 progress). */
    static void encode(FfmpegJob ffmpeg, Path source, List<Rendition> renditions, double duration, TaskStep.ProgressListener progress)
            throws StepFailure {
        Duration timeout = BASE_TIMEOUT.plusMillis((long) (duration * 3000 * renditions.size()));
        ffmpeg.runOutputs(LadderCommand.inputs(source, renditions), LadderCommand.outputs(renditions), source, duration, timeout,
                progress);
    }

    private Result store(Part part, MediaMetadata source, double duration) {
        try {
            return new Result.Done(switch (part) {
                case Part.Mp4 mp4 -> TranscodeStep.report(probe, mp4.input(), mp4.definition(), mp4.file());
                case Part.Hls hls -> AdaptiveDynamicStreamingStep.store(hls.input(), hls.definition(), hls.renditions(), source, duration);
            });
        } catch (StepFailure | RuntimeException e) {
            return new Result.Failed(e);
        }
    }
}
