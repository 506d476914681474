package io.openvod.platform.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.media.MediaMetadata.AudioStream;
import io.openvod.platform.media.MediaMetadata.DynamicRange;
import io.openvod.platform.media.MediaMetadata.VideoStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns ffprobe's JSON report ({@code -show_format -show_streams}) into {@link MediaMetadata}.
 * Numbers ffprobe leaves out or prints as {@code N/A} become 0.
 */
final class FfprobeReport {
    /**
     * Below this probe score ffprobe had nothing but the file name to go on (random bytes named
     * {@code .mp3} score 1); real media scores 25 or more.
     */
    static final int MIN_PROBE_SCORE = 25;

    /** Text-mode art formats: ffprobe renders any bytes with their extensions as a "video". */
    private static final Set<String> TEXT_ART_FORMATS = Set.of("bin", "tty", "adf", "idf", "xbin");

    private FfprobeReport() {
    }

    /** @throws MediaException {@link MediaError#MEDIA_UNREADABLE} when the report shows no media */
    static MediaMetadata toMetadata(JsonNode report, long size, String name) {
        JsonNode format = report.path("format");
        String container = format.path("format_name").asText("");
        int score = format.path("probe_score").asInt(100);
        if (score < MIN_PROBE_SCORE || TEXT_ART_FORMATS.contains(container)) {
            throw unreadable(name + " is not media: ffprobe only guessed its format from the name ("
                    + container + ", probe score " + score + ")");
        }
        float formatDuration = (float) number(format, "duration");
        List<VideoStream> videos = new ArrayList<>();
        List<AudioStream> audios = new ArrayList<>();
        float videoDuration = 0;
        float audioDuration = 0;
        int rotate = 0;
        int height = 0;
        int width = 0;
        for (JsonNode stream : report.path("streams")) {
            String type = stream.path("codec_type").asText("");
            if (type.equals("video") && stream.path("disposition").path("attached_pic").asInt() == 0) {
                VideoStream video = video(stream);
                if (videos.isEmpty()) {
                    videoDuration = duration(stream, formatDuration);
                    rotate = rotation(stream);
                }
                videos.add(video);
                height = Math.max(height, video.height());
                width = Math.max(width, video.width());
            } else if (type.equals("audio")) {
                if (audios.isEmpty()) {
                    audioDuration = duration(stream, formatDuration);
                }
                audios.add(new AudioStream(bitrate(stream), (int) number(stream, "sample_rate"),
                        stream.path("codec_name").asText("")));
            }
        }
        if (videos.isEmpty() && audios.isEmpty()) {
            throw unreadable(name + " has no audio or video stream (" + container + ")");
        }
        float duration = formatDuration > 0 ? formatDuration : Math.max(videoDuration, audioDuration);
        long bitrate = (long) number(format, "bit_rate");
        if (bitrate == 0 && duration > 0) {
            bitrate = Math.round(size * 8.0 / duration);
        }
        return new MediaMetadata(size, container, bitrate, height, width, duration, rotate, videos, audios,
                videoDuration, audioDuration);
    }

    private static VideoStream video(JsonNode stream) {
        String codec = stream.path("codec_name").asText("");
        String tag = stream.path("codec_tag_string").asText("");
        String codecTag = codec.equals("hevc") && !tag.contains("[") ? tag : "";
        DynamicRange range = switch (stream.path("color_transfer").asText("")) {
            case "smpte2084" -> new DynamicRange("HDR", "hdr10");
            case "arib-std-b67" -> new DynamicRange("HDR", "hlg");
            default -> DynamicRange.SDR;
        };
        int fps = frameRate(stream.path("avg_frame_rate").asText(""));
        if (fps == 0) {
            fps = frameRate(stream.path("r_frame_rate").asText(""));
        }
        return new VideoStream(bitrate(stream), (int) number(stream, "height"), (int) number(stream, "width"),
                codec, fps, codecTag, range);
    }

    /** Whole frames per second from ffprobe's {@code num/den}, rounded down as Tencent does (29.97 → 29). */
    static int frameRate(String fraction) {
        int slash = fraction.indexOf('/');
        if (slash < 0) {
            return 0;
        }
        double rate = parse(fraction.substring(0, slash)) / parse(fraction.substring(slash + 1));
        return Double.isFinite(rate) && rate > 0 ? (int) Math.min(Math.floor(rate), 1_000_000) : 0;
    }

    /**
     * Clockwise degrees to turn the picture for display. FFmpeg reports the display matrix as a
     * counter-clockwise {@code rotation}; older files carry a clockwise {@code rotate} tag.
     */
    static int rotation(JsonNode stream) {
        for (JsonNode sideData : stream.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return normalize(-signed(sideData, "rotation"));
            }
        }
        return normalize(signed(stream.path("tags"), "rotate"));
    }

    private static int normalize(double degrees) {
        int whole = (int) (Math.round(degrees) % 360);
        return whole < 0 ? whole + 360 : whole;
    }

    private static long bitrate(JsonNode stream) {
        long bitrate = (long) number(stream, "bit_rate");
        return bitrate > 0 ? bitrate : (long) number(stream.path("tags"), "BPS");
    }

    /** The stream's own duration, Matroska's {@code DURATION} tag ({@code 00:00:02.000000000}), or the file's. */
    private static float duration(JsonNode stream, float fallback) {
        double seconds = number(stream, "duration");
        String tag = stream.path("tags").path("DURATION").asText("");
        if (seconds <= 0 && tag.matches("\\d+:\\d{2}:\\d{2}(\\.\\d+)?")) {
            String[] parts = tag.split(":");
            seconds = parse(parts[0]) * 3600 + parse(parts[1]) * 60 + parse(parts[2]);
        }
        return seconds > 0 ? (float) seconds : fallback;
    }

    /** A count or measure that ffprobe prints as a JSON number or a string; 0 when absent, negative or not a number. */
    static double number(JsonNode node, String field) {
        return Math.max(0, signed(node, field));
    }

    private static double signed(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? finite(value.asDouble()) : value.isTextual() ? parse(value.asText()) : 0;
    }

    private static double parse(String text) {
        try {
            return finite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }

    private static MediaException unreadable(String message) {
        return new MediaException(MediaError.MEDIA_UNREADABLE, message);
    }
}
