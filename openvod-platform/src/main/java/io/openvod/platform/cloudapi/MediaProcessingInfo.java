package io.openvod.platform.cloudapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.flow.TaskQueue;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.StorageLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processing parts of a {@code MediaInfo}, from the Outputs of the media's task flows:
 * {@code TranscodeInfo.TranscodeSet}, {@code AdaptiveDynamicStreamingInfo.AdaptiveDynamicStreamingSet},
 * {@code SampleSnapshotInfo.SampleSnapshotSet} and {@code SnapshotByTimeOffsetInfo.SnapshotByTimeOffsetSet}.
 * Of several outputs of one template the latest counts; an output whose object is gone (deleted
 * with {@code DeleteMedia}'s {@code DeleteParts}) is left out.
 */
final class MediaProcessingInfo {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Part of MediaInfo → (its set field, the task type whose Outputs fill it). */
    static final Map<String, String[]> PARTS = Map.of(
            "TranscodeInfo", new String[] {"TranscodeSet", "Transcode"},
            "AdaptiveDynamicStreamingInfo", new String[] {"AdaptiveDynamicStreamingSet", "AdaptiveDynamicStreaming"},
            "SampleSnapshotInfo", new String[] {"SampleSnapshotSet", "SampleSnapshot"},
            "SnapshotByTimeOffsetInfo", new String[] {"SnapshotByTimeOffsetSet", "SnapshotByTimeOffset"});

    private final TaskQueue flows;
    private final ObjectStore store;

    MediaProcessingInfo(TaskQueue flows, ObjectStore store) {
        this.flows = flows;
        this.store = store;
    }

    /** The parts with something in them, by part name. */
    Map<String, ObjectNode> parts(Media media) {
        List<TaskQueue.TaskOutput> outputs = flows.outputs(media.fileId());
        Map<String, ObjectNode> parts = new LinkedHashMap<>();
        PARTS.forEach((part, spec) -> {
            Map<Long, JsonNode> latest = new LinkedHashMap<>();
            for (TaskQueue.TaskOutput output : outputs) {
                if (output.type().equals(spec[1]) && stored(media, output.output())) {
                    latest.put(output.output().path("Definition").asLong(), output.output());
                }
            }
            if (!latest.isEmpty()) {
                ObjectNode info = JSON.createObjectNode();
                ArrayNode set = info.putArray(spec[0]);
                latest.values().forEach(set::add);
                parts.put(part, info);
            }
        });
        return parts;
    }

    /** Whether the output's file (its Url, or its first image) is still in the store. */
    private boolean stored(Media media, JsonNode output) {
        String url = output.path("Url").asText(output.path("ImageUrlSet").path(0).asText(
                output.path("PicInfoSet").path(0).path("Url").asText("")));
        return key(media, url).map(k -> store.stat(StorageLayout.storeKey(media.bucket(), k)).isPresent()).orElse(false);
    }

    /** The object key (in the media's bucket) of one of its URLs. */
    static Optional<String> key(Media media, String url) {
        String marker = "/" + media.bucket() + "/";
        int at = url.indexOf(marker);
        return at < 0 ? Optional.empty() : Optional.of(url.substring(at + marker.length()));
    }
}
