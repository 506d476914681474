package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code Transcode}: the source as an MP4 of a preset template ({@link TranscodePreset}), stored as
 * {@code transcode/<Definition>.mp4}; the output is Tencent's {@code MediaTranscodeItem}, measured
 * from the stored file (ffprobe and MD5).
 *
 * <p>The picture keeps its aspect ratio and FFmpeg's automatic rotation, its shorter side is the
 * preset's height or the source's when that is smaller (a small source is not upscaled), and the
 * frame rate is the presets' 25 fps. x264 runs with {@code -preset veryfast} and a bitrate cap of
 * 1.5 times the preset's rate, keyframes every 2 s; the index is put first ({@code +faststart}) for
 * progressive playback. A source without audio gives an MP4 without audio; one without video, an
 * MP4 with only the AAC audio.
 *
 * <p>FFmpeg gets 10 minutes plus three times the source's duration before it is killed, and writes at
 * most that duration (a second more); the duration is never more than the file's size can hold
 * ({@code StepSupport.duration}), so a forged header that claims hours cannot keep a worker busy.
 */
public final class TranscodeStep implements TaskStep {
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(10);

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;

    public TranscodeStep(FfmpegTools tools) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
    }

    @Override
    public String type() {
        return "Transcode";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        long definition = StepSupport.definition(input);
        TranscodePreset preset = preset(definition);
        MediaMetadata source = StepSupport.probe(probe, input.source());
        double duration = StepSupport.duration(input, source);
        Path target = target(input, definition);
        List<String> args = arguments(preset, source, input.source(), target);
        Duration timeout = BASE_TIMEOUT.plusMillis((long) (duration * 3000));
        ffmpeg.run(args, input.source(), duration, timeout, progress);
        ObjectNode item = report(probe, input, definition, target);
        if (progress != null) {
            progress.progress(100);
        }
        return item;
    }

    /** The MP4 preset {@code definition}; fails, not retryable, for one there is none of. */
    static TranscodePreset preset(long definition) throws StepFailure {
        return TranscodePreset.mp4(definition).orElseThrow(() -> new StepFailure(
                StepSupport.INVALID_DEFINITION, "no transcoding template " + definition, false));
    }

    /** Where the MP4 of {@code definition} is written in the step's work directory. */
    static Path target(StepInput input, long definition) {
        return input.workDir().resolve("transcode-" + definition + ".mp4");
    }

    /**
     * Stores the MP4 FFmpeg wrote at {@code target} as {@code transcode/<Definition>.mp4} and returns its
     * {@code MediaTranscodeItem}, measured from the file (ffprobe and MD5).
     */
    static ObjectNode report(MediaProbe probe, StepInput input, long definition, Path target) throws StepFailure {
        StepSupport.requireOutput(target, "transcoded file");
        MediaMetadata output = StepSupport.probe(probe, target);
        String md5 = StepSupport.md5(target);
        String url = input.outputs().store("transcode/" + definition + ".mp4", target);
        return item(url, definition, output, md5);
    }

    /** FFmpeg's arguments after the common ones (see {@link FfmpegJob}). */
    static List<String> arguments(TranscodePreset preset, MediaMetadata source, Path input, Path target) {
        List<String> args = encoding(preset, source, input);
        args.addAll(mp4(target));
        return args;
    }

    /** The input and the H.264 + AAC encoding of a preset, without the output. */
    static List<String> encoding(TranscodePreset preset, MediaMetadata source, Path input) {
        List<String> args = new ArrayList<>(List.of("-protocol_whitelist", "file", "-i", StepSupport.file(input)));
        if (!source.videoStreams().isEmpty()) {
            int[] size = outputSize(preset, source);
            args.addAll(List.of("-map", "0:v:0", "-vf", scale(size)));
            args.addAll(videoCodec(preset));
        }
        args.addAll(audio(preset));
        return args;
    }

    /** The filter that gives the picture its output size (square pixels). */
    static String scale(int[] size) {
        return "scale=" + size[0] + ":" + size[1] + ",setsar=1";
    }

    /** The preset's H.264 encoding of the mapped video: 25 fps, x264 veryfast, capped bitrate, keyframes every 2 s. */
    static List<String> videoCodec(TranscodePreset preset) {
        int kbps = preset.videoKbps();
        return List.of("-r", String.valueOf(TranscodePreset.FPS), "-c:v", "libx264", "-preset", "veryfast",
                "-profile:v", "high", "-pix_fmt", "yuv420p", "-b:v", kbps + "k", "-maxrate", (kbps * 3 / 2) + "k",
                "-bufsize", (kbps * 2) + "k", "-g", String.valueOf(2 * TranscodePreset.FPS));
    }

    /** The preset's AAC encoding of the source's first audio stream, if it has one, and no metadata copied. */
    static List<String> audio(TranscodePreset preset) {
        return List.of("-map", "0:a:0?", "-c:a", "aac", "-b:a", preset.audioKbps() + "k",
                "-ar", String.valueOf(TranscodePreset.SAMPLING_RATE), "-ac", "2", "-map_metadata", "-1");
    }

    /** The container options of an MP4 output: the index first, for progressive playback. */
    static List<String> mp4(Path target) {
        return List.of("-movflags", "+faststart", "-f", "mp4", StepSupport.file(target));
    }

    /** The picture size a preset gives the source, as shown (after its rotation). */
    static int[] outputSize(TranscodePreset preset, MediaMetadata source) {
        boolean turned = source.rotate() == 90 || source.rotate() == 270;
        return preset.outputSize(turned ? source.height() : source.width(), turned ? source.width() : source.height());
    }

    /** Tencent's {@code MediaTranscodeItem}. */
    static ObjectNode item(String url, long definition, MediaMetadata output, String md5) {
        ObjectNode metadata = output.toJson();
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("Url", url);
        item.put("Definition", definition);
        item.put("Bitrate", output.bitrate());
        item.put("Height", output.height());
        item.put("Width", output.width());
        item.put("Size", output.size());
        item.set("Duration", metadata.get("Duration"));
        item.put("Md5", md5);
        item.put("Container", output.container());
        item.set("VideoStreamSet", metadata.get("VideoStreamSet"));
        item.set("AudioStreamSet", metadata.get("AudioStreamSet"));
        item.put("DigitalWatermarkType", "None");
        item.put("CopyRightWatermarkText", "");
        item.put("BlindWatermarkDefinition", 0);
        return item;
    }
}
