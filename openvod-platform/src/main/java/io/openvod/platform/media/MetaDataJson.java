package io.openvod.platform.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.media.MediaMetadata.AudioStream;
import io.openvod.platform.media.MediaMetadata.DynamicRange;
import io.openvod.platform.media.MediaMetadata.VideoStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link MediaMetadata} as Tencent's {@code MetaData} JSON. Keys follow the SDK's declaration order.
 * A whole duration is written without a decimal point ({@code 60}) and a fractional one as the
 * {@code float} widened to {@code double} ({@code 2.200000047683716}), as Tencent prints them.
 */
final class MetaDataJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MetaDataJson() {
    }

    static ObjectNode write(MediaMetadata metadata) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("Size", metadata.size());
        node.put("Container", metadata.container());
        node.put("Bitrate", metadata.bitrate());
        node.put("Height", metadata.height());
        node.put("Width", metadata.width());
        putFloat(node, "Duration", metadata.duration());
        node.put("Rotate", metadata.rotate());
        ArrayNode videos = node.putArray("VideoStreamSet");
        for (VideoStream video : metadata.videoStreams()) {
            ObjectNode item = videos.addObject();
            item.put("Bitrate", video.bitrate());
            item.put("Height", video.height());
            item.put("Width", video.width());
            item.put("Codec", video.codec());
            item.put("Fps", video.fps());
            item.put("CodecTag", video.codecTag());
            ObjectNode range = item.putObject("DynamicRangeInfo");
            range.put("Type", video.dynamicRange().type());
            range.put("HDRType", video.dynamicRange().hdrType());
        }
        ArrayNode audios = node.putArray("AudioStreamSet");
        for (AudioStream audio : metadata.audioStreams()) {
            ObjectNode item = audios.addObject();
            item.put("Bitrate", audio.bitrate());
            item.put("SamplingRate", audio.samplingRate());
            item.put("Codec", audio.codec());
        }
        putFloat(node, "VideoDuration", metadata.videoDuration());
        putFloat(node, "AudioDuration", metadata.audioDuration());
        return node;
    }

    static MediaMetadata read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("MetaData must be a JSON object");
        }
        List<VideoStream> videos = new ArrayList<>();
        for (JsonNode item : node.path("VideoStreamSet")) {
            JsonNode range = item.path("DynamicRangeInfo");
            DynamicRange dynamicRange = range.isObject()
                    ? new DynamicRange(text(range, "Type"), text(range, "HDRType"))
                    : DynamicRange.SDR;
            videos.add(new VideoStream(item.path("Bitrate").asLong(), item.path("Height").asInt(),
                    item.path("Width").asInt(), text(item, "Codec"), item.path("Fps").asInt(),
                    text(item, "CodecTag"), dynamicRange));
        }
        List<AudioStream> audios = new ArrayList<>();
        for (JsonNode item : node.path("AudioStreamSet")) {
            audios.add(new AudioStream(item.path("Bitrate").asLong(), item.path("SamplingRate").asInt(),
                    text(item, "Codec")));
        }
        return new MediaMetadata(node.path("Size").asLong(), text(node, "Container"), node.path("Bitrate").asLong(),
                node.path("Height").asInt(), node.path("Width").asInt(), (float) node.path("Duration").asDouble(),
                node.path("Rotate").asInt(), videos, audios, (float) node.path("VideoDuration").asDouble(),
                (float) node.path("AudioDuration").asDouble());
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("MetaData is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void putFloat(ObjectNode node, String field, float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15f) {
            node.put(field, (long) value);
        } else {
            node.put(field, (double) value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }
}
