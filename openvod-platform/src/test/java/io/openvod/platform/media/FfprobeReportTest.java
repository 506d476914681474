package io.openvod.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.media.MediaMetadata.AudioStream;
import io.openvod.platform.media.MediaMetadata.DynamicRange;
import io.openvod.platform.media.MediaMetadata.VideoStream;
import org.junit.jupiter.api.Test;

/** Reports as ffprobe prints them for files the bundled encoder cannot easily make. */
class FfprobeReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsAnHdrPhoneClipWithACoverPicture() throws Exception {
        MediaMetadata metadata = FfprobeReport.toMetadata(MAPPER.readTree("""
                {"streams": [
                  {"codec_type": "video", "codec_name": "hevc", "codec_tag_string": "hvc1", "width": 1920,
                   "height": 1080, "avg_frame_rate": "30000/1001", "bit_rate": "8000000", "duration": "3.003000",
                   "color_transfer": "arib-std-b67",
                   "side_data_list": [{"side_data_type": "Display Matrix", "rotation": -90}]},
                  {"codec_type": "audio", "codec_name": "aac", "sample_rate": "48000", "bit_rate": "N/A",
                   "duration": "2.990000"},
                  {"codec_type": "video", "codec_name": "mjpeg", "width": 3000, "height": 3000,
                   "disposition": {"attached_pic": 1}}],
                 "format": {"format_name": "mov,mp4,m4a,3gp,3g2,mj2", "duration": "3.003000",
                            "bit_rate": "8100000", "probe_score": 100}}"""), 3_000_000, "phone.mov");

        assertThat(metadata.videoStreams()).containsExactly(
                new VideoStream(8_000_000, 1080, 1920, "hevc", 29, "hvc1", new DynamicRange("HDR", "hlg")));
        assertThat(metadata.audioStreams()).containsExactly(new AudioStream(0, 48000, "aac"));
        assertThat(metadata.rotate()).isEqualTo(90);
        assertThat(metadata.width()).isEqualTo(1920);
        assertThat(metadata.height()).isEqualTo(1080);
        assertThat(metadata.duration()).isEqualTo(3.003f);
        assertThat(metadata.audioDuration()).isEqualTo(2.99f);
        assertThat(metadata.bitrate()).isEqualTo(8_100_000);
    }

    @Test
    void fallsBackToMatroskaTagsAndComputedBitrate() throws Exception {
        MediaMetadata metadata = FfprobeReport.toMetadata(MAPPER.readTree("""
                {"streams": [
                  {"codec_type": "video", "codec_name": "vp9", "width": 640, "height": 360, "avg_frame_rate": "0/0",
                   "r_frame_rate": "25/1", "tags": {"BPS": "500000", "DURATION": "00:01:02.500000000", "rotate": "-90"}},
                  {"codec_type": "video", "codec_name": "vp9", "width": 1280, "height": 200, "avg_frame_rate": "25/1"}],
                 "format": {"format_name": "matroska,webm", "duration": "62.500000", "size": "1000"}}"""),
                1_000_000, "talk.webm");

        assertThat(metadata.videoStreams()).extracting(VideoStream::fps).containsExactly(25, 25);
        assertThat(metadata.videoStreams().getFirst().bitrate()).isEqualTo(500_000);
        assertThat(metadata.videoDuration()).isEqualTo(62.5f);
        assertThat(metadata.audioDuration()).isZero();
        assertThat(metadata.rotate()).isEqualTo(270);
        assertThat(metadata.width()).isEqualTo(1280);
        assertThat(metadata.height()).isEqualTo(360);
        assertThat(metadata.bitrate()).isEqualTo(128_000);
        assertThat(metadata.size()).as("the size measured, not the report's").isEqualTo(1_000_000);
    }

    @Test
    void refusesFormatsGuessedFromTheNameAlone() throws Exception {
        JsonNode textArt = MAPPER.readTree("""
                {"streams": [{"codec_type": "video", "codec_name": "bintext", "width": 1280, "height": 50000}],
                 "format": {"format_name": "bin", "probe_score": 50}}""");
        JsonNode weakGuess = MAPPER.readTree("""
                {"streams": [{"codec_type": "audio", "codec_name": "mp3", "sample_rate": "44100"}],
                 "format": {"format_name": "mp3", "probe_score": 1}}""");

        for (JsonNode report : new JsonNode[] {textArt, weakGuess}) {
            assertThatThrownBy(() -> FfprobeReport.toMetadata(report, 10, "x"))
                    .isInstanceOfSatisfying(MediaException.class,
                            e -> assertThat(e.error()).isEqualTo(MediaError.MEDIA_UNREADABLE))
                    .hasMessageContaining("only guessed");
        }
    }

    @Test
    void framesPerSecondAreWholeAndRoundedDown() {
        assertThat(FfprobeReport.frameRate("24000/1001")).isEqualTo(23);
        assertThat(FfprobeReport.frameRate("60/1")).isEqualTo(60);
        assertThat(FfprobeReport.frameRate("0/0")).isZero();
        assertThat(FfprobeReport.frameRate("N/A")).isZero();
        assertThat(FfprobeReport.frameRate("")).isZero();
    }
}
