package io.openvod.platform.flow.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.media.FfmpegTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What ffprobe tells of a media file, to compare two encodings of the same thing: the container,
 * its duration and tags, each stream's kind, codec and parameters, the video's keyframes, and for
 * an MP4 whether its index comes first ({@code +faststart}).
 */
record Probed(Path file, JsonNode format, List<JsonNode> streams, List<Double> keyframes, List<String> topBoxes) {
    /** One frame at the presets' 25 fps: how far two durations or start times may be apart. */
    static final double FRAME = 1.0 / TranscodePreset.FPS;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The stream fields that must be the same: what the encoding and the container decide. */
    private static final List<String> SAME = List.of("codec_type", "codec_name", "profile", "codec_tag_string", "width", "height",
            "pix_fmt", "level", "has_b_frames", "sample_aspect_ratio", "r_frame_rate", "avg_frame_rate", "time_base", "sample_fmt",
            "sample_rate", "channels", "channel_layout", "is_avc", "nal_length_size", "field_order", "refs");

    static Probed of(Path file) {
        JsonNode json = json(ffprobe(List.of("-v", "error", "-show_format", "-show_streams", "-of", "json", file.toString())));
        List<JsonNode> streams = new ArrayList<>();
        json.path("streams").forEach(streams::add);
        List<Double> keyframes = new ArrayList<>();
        for (String line : ffprobe(List.of("-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags",
                "-of", "csv=p=0", file.toString())).split("\n")) {
            String[] fields = line.strip().split(",");
            if (fields.length >= 2 && fields[1].startsWith("K")) {
                keyframes.add(Double.parseDouble(fields[0]));
            }
        }
        return new Probed(file, json.path("format"), streams, keyframes, topBoxes(file));
    }

    /** Asserts that {@code this} has the format and duration of {@code alone} (streams, sizes, codecs, keyframes, flags). */
    void assertSameFormatAs(Probed alone) {
        String what = file.getFileName() + " against " + alone.file.getFileName();
        assertThat(format.path("format_name").asText()).as(what).isEqualTo(alone.format.path("format_name").asText());
        assertThat(format.path("nb_streams").asInt()).as(what).isEqualTo(alone.format.path("nb_streams").asInt());
        assertThat(format.path("duration").asDouble()).as(what + ": duration").isCloseTo(alone.format.path("duration").asDouble(),
                within(FRAME));
        assertThat(format.path("start_time").asDouble()).as(what + ": start").isCloseTo(alone.format.path("start_time").asDouble(),
                within(FRAME));
        assertThat(format.path("tags")).as(what + ": container tags (brands, encoder)").isEqualTo(alone.format.path("tags"));
        assertThat(streams).as(what).hasSameSizeAs(alone.streams);
        for (int i = 0; i < streams.size(); i++) {
            JsonNode mine = streams.get(i);
            JsonNode theirs = alone.streams.get(i);
            for (String field : SAME) {
                assertThat(mine.path(field)).as(what + ": stream " + i + " " + field).isEqualTo(theirs.path(field));
            }
            assertThat(mine.path("duration").asDouble()).as(what + ": stream " + i + " duration")
                    .isCloseTo(theirs.path("duration").asDouble(), within(FRAME));
            assertThat(mine.path("start_time").asDouble()).as(what + ": stream " + i + " start")
                    .isCloseTo(theirs.path("start_time").asDouble(), within(FRAME));
            assertThat(mine.path("tags")).as(what + ": stream " + i + " tags").isEqualTo(theirs.path("tags"));
        }
        assertThat(keyframes).as(what + ": keyframes").isEqualTo(alone.keyframes);
        assertThat(topBoxes).as(what + ": MP4 boxes (faststart)").isEqualTo(alone.topBoxes);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ffprobe(List<String> args) {
        try {
            Process process = FfmpegTools.bundled().ffprobeCommand(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out;
            try (InputStream stdout = process.getInputStream()) {
                out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("ffprobe " + args + " failed");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The types of an MP4's top-level boxes in file order ({@code ftyp, moov, free, mdat} with faststart); empty for other files. */
    private static List<String> topBoxes(Path file) {
        if (!file.getFileName().toString().endsWith(".mp4")) {
            return List.of();
        }
        List<String> boxes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            long left = Files.size(file);
            byte[] header = new byte[8];
            while (left >= 8 && in.readNBytes(header, 0, 8) == 8) {
                long size = ByteBuffer.wrap(header, 0, 4).getInt() & 0xffffffffL;
                boxes.add(new String(header, 4, 4, StandardCharsets.ISO_8859_1));
                long skip = size - 8;
                if (size == 1) {
                    byte[] large = in.readNBytes(8);
                    skip = ByteBuffer.wrap(large).getLong() - 16;
                }
                if (size == 0 || skip < 0) {
                    break;
                }
                in.skipNBytes(skip);
                left -= skip + 8;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return boxes;
    }
}
