package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code SampleSnapshot}: input {@code {Definition}}; pictures at a regular interval, the first at
 * the start, taken in one pass of FFmpeg (a {@code select} filter keeps the first frame at or past
 * each interval). The template says the interval: {@code Percent} of the duration or {@code Time}
 * in seconds. Template 10 is every 10 percent (ten pictures), JPEG at the source's size. Pictures
 * are stored as {@code sample/<Definition>/<n>.jpg}; the output is Tencent's
 * {@code MediaSampleSnapshotItem} {@code {Definition, SampleType, Interval, ImageUrlSet,
 * WaterMarkDefinition: []}}. At most 1000 pictures: a longer list is refused before FFmpeg runs.
 */
public final class SampleSnapshotStep implements TaskStep {
    static final int MAX_PICTURES = 1000;
    private static final Duration BASE_TIMEOUT = Duration.ofMinutes(5);

    /** A sampling template: {@code type} Percent or Time, {@code interval} in percent or seconds. */
    record SamplePreset(String type, long interval) {
        SamplePreset {
            if (!type.equals("Percent") && !type.equals("Time") || interval <= 0) {
                throw new IllegalArgumentException("not a sampling: " + type + " " + interval);
            }
        }
    }

    static final Map<Long, SamplePreset> PRESETS = Map.of(10L, new SamplePreset("Percent", 10));

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;
    private final Map<Long, SamplePreset> presets;

    public SampleSnapshotStep(FfmpegTools tools) {
        this(tools, PRESETS);
    }

    SampleSnapshotStep(FfmpegTools tools, Map<Long, SamplePreset> presets) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
        this.presets = Map.copyOf(presets);
    }

    @Override
    public String type() {
        return "SampleSnapshot";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        long definition = StepSupport.definition(input);
        SamplePreset preset = presets.get(definition);
        if (preset == null) {
            throw new StepFailure(StepSupport.INVALID_DEFINITION, "no sampled snapshot template " + definition, false);
        }
        MediaMetadata source = StepSupport.probe(probe, input.source());
        FrameGrab.requireVideo(source, input.source());
        double duration = StepSupport.duration(input, source);
        double interval = preset.type().equals("Percent") ? duration * preset.interval() / 100 : preset.interval();
        if (!(interval > 0)) {
            throw new StepFailure(io.openvod.platform.flow.TaskErrors.SOURCE_UNSUPPORTED, input.source().getFileName()
                    + " has no known duration to sample by percent", false);
        }
        if (duration / interval > MAX_PICTURES) {
            throw new StepFailure(StepSupport.INVALID_DEFINITION, "template " + definition + " would take more than "
                    + MAX_PICTURES + " pictures of " + StepSupport.seconds(duration) + " s", false);
        }
        List<Path> frames = FrameGrab.sample(ffmpeg, input.source(), input.workDir(), "sample", duration, interval, MAX_PICTURES,
                BASE_TIMEOUT, progress);

        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Definition", definition);
        output.put("SampleType", preset.type());
        output.put("Interval", preset.interval());
        ArrayNode urls = output.putArray("ImageUrlSet");
        for (int n = 0; n < frames.size(); n++) {
            urls.add(input.outputs().store("sample/" + definition + "/" + n + ".jpg", frames.get(n)));
        }
        if (urls.isEmpty()) {
            throw new StepFailure(FfmpegJob.INVALID_INPUT, "ffmpeg took no picture of " + input.source().getFileName()
                    + " (no decodable frame)", false);
        }
        output.putArray("WaterMarkDefinition");
        if (progress != null) {
            progress.progress(100);
        }
        return output;
    }
}
