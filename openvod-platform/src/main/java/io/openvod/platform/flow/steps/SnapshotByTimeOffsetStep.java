package io.openvod.platform.flow.steps;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code SnapshotByTimeOffset}: input {@code {Definition, ExtTimeOffsetSet: ["3.5s", "10%"]}} or,
 * the older form, {@code TimeOffsetSet: [3500]} in milliseconds; when both are given
 * {@code ExtTimeOffsetSet} is used. One JPEG per offset at the source's size, stored as
 * {@code snapshot/<Definition>/<n>.jpg} (n from 0 in the given order). The output is Tencent's
 * {@code MediaSnapshotByTimeOffsetItem}: {@code {Definition, PicInfoSet: [{TimeOffset, Url,
 * WaterMarkDefinition: []}]}}, TimeOffset in milliseconds where the picture was taken (an offset
 * past the end is taken just before the end). Template 10 is the only one; at most 100 offsets.
 */
public final class SnapshotByTimeOffsetStep implements TaskStep {
    static final Set<Long> DEFINITIONS = Set.of(10L);
    static final int MAX_OFFSETS = 100;
    static final String INVALID_OFFSET = io.openvod.platform.flow.TaskErrors.INVALID_TIME_OFFSET;

    private final FfmpegJob ffmpeg;
    private final MediaProbe probe;

    public SnapshotByTimeOffsetStep(FfmpegTools tools) {
        Objects.requireNonNull(tools, "tools == null");
        this.ffmpeg = new FfmpegJob(tools);
        this.probe = new MediaProbe(tools);
    }

    @Override
    public String type() {
        return "SnapshotByTimeOffset";
    }

    @Override
    public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
        long definition = StepSupport.definition(input);
        if (!DEFINITIONS.contains(definition)) {
            throw new StepFailure(StepSupport.INVALID_DEFINITION, "no snapshot template " + definition, false);
        }
        MediaMetadata source = StepSupport.probe(probe, input.source());
        FrameGrab.requireVideo(source, input.source());
        double duration = StepSupport.duration(input, source);
        List<Double> offsets = offsets(input.taskInput(), duration);

        ObjectNode output = JsonNodeFactory.instance.objectNode();
        output.put("Definition", definition);
        ArrayNode pictures = output.putArray("PicInfoSet");
        for (int i = 0; i < offsets.size(); i++) {
            double seconds = StepSupport.clampOffset(offsets.get(i), duration);
            Path target = input.workDir().resolve("snapshot-" + i + ".jpg");
            FrameGrab.grab(ffmpeg, input.source(), seconds, target);
            String url = input.outputs().store("snapshot/" + definition + "/" + i + ".jpg", target);
            ObjectNode picture = pictures.addObject();
            picture.put("TimeOffset", (float) (Math.round(seconds * 1000)));
            picture.put("Url", url);
            picture.putArray("WaterMarkDefinition");
            if (progress != null) {
                progress.progress((i + 1) * 100 / offsets.size());
            }
        }
        return output;
    }

    /** The offsets in seconds, in the given order. */
    static List<Double> offsets(JsonNode taskInput, double duration) throws StepFailure {
        JsonNode ext = taskInput.path("ExtTimeOffsetSet");
        JsonNode millis = taskInput.path("TimeOffsetSet");
        List<Double> offsets = new ArrayList<>();
        if (ext.isArray() && !ext.isEmpty()) {
            for (JsonNode item : ext) {
                offsets.add(extOffset(item, duration));
            }
        } else if (millis.isArray() && !millis.isEmpty()) {
            for (JsonNode item : millis) {
                if (!item.isNumber() || !(item.asDouble() >= 0)) {
                    throw new StepFailure(INVALID_OFFSET, "a TimeOffsetSet item must be milliseconds >= 0, not " + item,
                            false);
                }
                offsets.add(item.asDouble() / 1000);
            }
        } else {
            throw new StepFailure(INVALID_OFFSET, "ExtTimeOffsetSet or TimeOffsetSet must name at least one offset",
                    false);
        }
        if (offsets.size() > MAX_OFFSETS) {
            throw new StepFailure(INVALID_OFFSET, "at most " + MAX_OFFSETS + " offsets, not " + offsets.size(), false);
        }
        return offsets;
    }

    /** {@code "3.5s"} (seconds) or {@code "10%"} (of the duration). */
    private static double extOffset(JsonNode item, double duration) throws StepFailure {
        String text = item.isTextual() ? item.asText().strip() : "";
        try {
            if (text.matches("\\d+(\\.\\d+)?s")) {
                return Double.parseDouble(text.substring(0, text.length() - 1));
            }
            if (text.matches("\\d+(\\.\\d+)?%")) {
                double percent = Double.parseDouble(text.substring(0, text.length() - 1));
                if (percent <= 100) {
                    return duration * percent / 100;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the failure below
        }
        throw new StepFailure(INVALID_OFFSET, "an ExtTimeOffsetSet item is seconds like \"3.5s\" or a percentage "
                + "like \"10%\", not " + item, false);
    }
}
