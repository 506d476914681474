package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.flow.StepFailure;
import io.openvod.platform.flow.StepInput;
import io.openvod.platform.flow.TaskStep;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaMetadata;
import io.openvod.platform.media.MediaProbe;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * {@code CoverBySnapshot}: input {@code {Definition, PositionType: "Time"|"Percent", PositionValue}}
 * (Time in seconds, Percent of the duration; by default Time 0). Stores one JPEG at the source's
 * size as {@code cover/<Definition>.jpg}; the output is {@code {"CoverUrl": ...}}. A position past
 * the end takes a picture just before the end. Template 10 (a JPEG at the source's size) is the
 * only one.
 */
public final class CoverBySnapshotStep implements TaskStep {
    static final Set<Long> DEFINITIONS = Set.of(10L);
    static final String INVALID_POSITION = io.openvod.platform.flow.TaskErrors.CONFIGURATION_UNSUPPORTED;

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;

    public CoverBySnapshotStep(FfmpegTools tools) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
    }

    @Override
    public String type() {
        return "CoverBySnapshot";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        long definition = StepSupport.definition(input);
        if (!DEFINITIONS.contains(definition)) {
            throw new StepFailure(StepSupport.INVALID_DEFINITION, "no snapshot template " + definition, false);
        }
        String type = input.taskInput().path("PositionType").asText("Time");
        JsonNode value = input.taskInput().path("PositionValue");
        double position = value.isMissingNode() || value.isNull() ? 0 : value.asDouble(Double.NaN);
        if (!Double.isFinite(position) || position < 0 || !value.isMissingNode() && !value.isNull() && !value.isNumber()) {
            throw new StepFailure(INVALID_POSITION, "PositionValue must be a number >= 0, not " + value, false);
        }
        MediaMetadata source = StepSupport.probe(probe, input.source());
        FrameGrab.requireVideo(source, input.source());
        double duration = StepSupport.duration(input, source);
        double seconds = switch (type) {
            case "Time" -> position;
            case "Percent" -> {
                if (position > 100) {
                    throw new StepFailure(INVALID_POSITION, "a Percent PositionValue is at most 100, not " + value, false);
                }
                yield duration * position / 100;
            }
            default -> throw new StepFailure(io.openvod.platform.flow.TaskErrors.CONFIGURATION_UNSUPPORTED,
                    "PositionType must be Time or Percent, not " + type, false);
        };
        Path target = input.workDir().resolve("cover-" + definition + ".jpg");
        FrameGrab.grab(ffmpeg, input.source(), StepSupport.clampOffset(seconds, duration), target);
        String url = input.outputs().store("cover/" + definition + ".jpg", target);
        if (progress != null) {
            progress.progress(100);
        }
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("CoverUrl", url);
        return output;
    }
}
