package io.openvod.platform.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What a media file is, in the shape of Tencent VOD's {@code MetaData} ({@code MediaMetaData} in
 * DescribeMediaInfos and in events). Integers are Tencent's {@code Long} fields; durations are
 * Tencent's {@code Float} fields and are kept as {@code float}, so that they print the way Tencent's
 * do ({@code 2.200000047683716} for 2.2 s). Missing numbers are 0 and missing strings "".
 *
 * @param size          bytes of the file
 * @param container     ffprobe's format name list, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param bitrate       bits per second over all streams
 * @param height        pixels, the largest over the video streams; 0 without video
 * @param width         pixels, the largest over the video streams; 0 without video
 * @param duration      seconds
 * @param rotate        degrees clockwise the first video stream must be turned for display: 0, 90, 180 or 270
 * @param videoStreams  the video streams, without cover pictures
 * @param audioStreams  the audio streams
 * @param videoDuration seconds of the first video stream; 0 without video
 * @param audioDuration seconds of the first audio stream; 0 without audio
 */
public record MediaMetadata(long size, String container, long bitrate, int height, int width, float duration,
        int rotate, List<VideoStream> videoStreams, List<AudioStream> audioStreams, float videoDuration,
        float audioDuration) {

    public MediaMetadata {
        container = Objects.requireNonNullElse(container, "");
        duration = finite(duration);
        videoStreams = videoStreams == null ? List.of() : List.copyOf(videoStreams);
        audioStreams = audioStreams == null ? List.of() : List.copyOf(audioStreams);
        videoDuration = finite(videoDuration);
        audioDuration = finite(audioDuration);
    }

    /**
     * One entry of {@code VideoStreamSet} ({@code MediaVideoStreamItem}).
     *
     * @param fps          frames per second, whole: 29.97 is 29, as Tencent reports it
     * @param codecTag     the sample entry of HEVC streams ({@code hvc1}, {@code hev1}); "" for other codecs
     * @param dynamicRange SDR, or HDR with its transfer
     */
    public record VideoStream(long bitrate, int height, int width, String codec, int fps, String codecTag,
            DynamicRange dynamicRange) {

        public VideoStream {
            codec = Objects.requireNonNullElse(codec, "");
            codecTag = Objects.requireNonNullElse(codecTag, "");
            dynamicRange = Objects.requireNonNullElse(dynamicRange, DynamicRange.SDR);
        }
    }

    /** One entry of {@code AudioStreamSet} ({@code MediaAudioStreamItem}); sampling rate in Hz. */
    public record AudioStream(long bitrate, int samplingRate, String codec) {

        public AudioStream {
            codec = Objects.requireNonNullElse(codec, "");
        }
    }

    /** {@code DynamicRangeInfo}: type {@code SDR} or {@code HDR}; HDR type {@code hdr10}, {@code hlg} or "". */
    public record DynamicRange(String type, String hdrType) {
        public static final DynamicRange SDR = new DynamicRange("SDR", "");

        public DynamicRange {
            type = Objects.requireNonNullElse(type, "");
            hdrType = Objects.requireNonNullElse(hdrType, "");
        }
    }

    /**
     * The metadata of a file ffprobe could not read: its size, and nothing else (no container, no
     * streams, no duration) — what DescribeMediaInfos and NewFileUpload report for it.
     */
    public static MediaMetadata sizeOnly(long size) {
        return new MediaMetadata(size, "", 0, 0, 0, 0f, 0, List.of(), List.of(), 0f, 0f);
    }

    /** Tencent's {@code MetaData} object: {@code Size}, {@code Container}, {@code VideoStreamSet}, ... */
    public ObjectNode toJson() {
        return MetaDataJson.write(this);
    }

    /**
     * Reads Tencent's {@code MetaData} object, as {@link #toJson()} writes it or Tencent sends it.
     *
     * @throws IllegalArgumentException when {@code node} is not a JSON object
     */
    public static MediaMetadata fromJson(JsonNode node) {
        return MetaDataJson.read(node);
    }

    /**
     * Reads Tencent's {@code MetaData} object from JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON or not an object
     */
    public static MediaMetadata parse(String json) {
        return MetaDataJson.read(MetaDataJson.tree(json));
    }

    private static float finite(float value) {
        return Float.isFinite(value) ? value : 0f;
    }
}
