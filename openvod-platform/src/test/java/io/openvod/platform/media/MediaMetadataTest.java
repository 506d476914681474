package io.openvod.platform.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.media.MediaMetadata.AudioStream;
import io.openvod.platform.media.MediaMetadata.DynamicRange;
import io.openvod.platform.media.MediaMetadata.VideoStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaMetadataTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The MetaData of the NewFileUpload example in the event protocol (section 5.2). */
    private static final String TENCENT_EXAMPLE = """
            {"Size": 7700180, "Container": "mov,mp4,m4a,3gp,3g2,mj2", "Bitrate": 1021028,
             "Height": 480, "Width": 640, "Duration": 60, "Rotate": 0,
             "VideoStreamSet": [{"Bitrate": 637174, "Height": 480, "Width": 640, "Codec": "h264", "Fps": 23,
                                 "CodecTag": "", "DynamicRangeInfo": {"Type": "SDR", "HDRType": ""}}],
             "AudioStreamSet": [{"Bitrate": 383854, "SamplingRate": 48000, "Codec": "aac"}],
             "VideoDuration": 60, "AudioDuration": 59.9900016784668}
            """;

    private static final MediaMetadata SAMPLE = new MediaMetadata(297247, "mov,mp4,m4a,3gp,3g2,mj2", 1072792,
            960, 544, 2.2f, 90,
            List.of(new VideoStream(1029352, 960, 544, "hevc", 29, "hvc1", new DynamicRange("HDR", "hlg"))),
            List.of(new AudioStream(43440, 44100, "aac")), 2.2f, 2.1362359523773193f);

    @Test
    void writesTencentFieldNamesAndNumberTypes() throws Exception {
        ObjectNode node = SAMPLE.toJson();

        assertThat(node.properties()).extracting(e -> e.getKey()).containsExactly("Size", "Container", "Bitrate",
                "Height", "Width", "Duration", "Rotate", "VideoStreamSet", "AudioStreamSet", "VideoDuration",
                "AudioDuration");
        assertThat(node.get("Size").isIntegralNumber()).isTrue();
        assertThat(node.get("Rotate").asInt()).isEqualTo(90);
        JsonNode video = node.get("VideoStreamSet").get(0);
        assertThat(video.get("Codec").asText()).isEqualTo("hevc");
        assertThat(video.get("CodecTag").asText()).isEqualTo("hvc1");
        assertThat(video.get("Fps").isIntegralNumber()).isTrue();
        assertThat(video.get("DynamicRangeInfo").get("HDRType").asText()).isEqualTo("hlg");
        JsonNode audio = node.get("AudioStreamSet").get(0);
        assertThat(audio.get("SamplingRate").asInt()).isEqualTo(44100);
        assertThat(audio.get("Codec").asText()).isEqualTo("aac");
        // Durations print as Tencent's do: float32 widened to double; whole values without ".0".
        String text = MAPPER.writeValueAsString(node);
        assertThat(text).contains("\"Duration\":2.200000047683716", "\"AudioDuration\":2.1362359523773193");
        assertThat(MAPPER.writeValueAsString(new MediaMetadata(1, "mp4", 1, 0, 0, 60f, 0, null, null, 60f, 0f).toJson()))
                .contains("\"Duration\":60,", "\"VideoDuration\":60,", "\"AudioDuration\":0}");
    }

    @Test
    void roundTripsThroughJsonText() {
        assertThat(MediaMetadata.parse(SAMPLE.toJson().toString())).isEqualTo(SAMPLE);
        assertThat(MediaMetadata.fromJson(SAMPLE.toJson())).isEqualTo(SAMPLE);
    }

    @Test
    void readsTencentsExampleAndWritesItBackUnchanged() throws Exception {
        MediaMetadata metadata = MediaMetadata.parse(TENCENT_EXAMPLE);

        assertThat(metadata.size()).isEqualTo(7700180);
        assertThat(metadata.videoStreams()).containsExactly(
                new VideoStream(637174, 480, 640, "h264", 23, "", DynamicRange.SDR));
        assertThat(metadata.audioDuration()).isEqualTo(59.99f);
        assertThat(MAPPER.readTree(metadata.toJson().toString())).isEqualTo(MAPPER.readTree(TENCENT_EXAMPLE));
    }

    @Test
    void toleratesMissingFieldsAndRejectsWhatIsNotAnObject() {
        MediaMetadata sparse = MediaMetadata.parse("""
                {"Container": "mp3", "Duration": 1.5, "VideoStreamSet": null,
                 "AudioStreamSet": [{"Codec": "mp3"}], "Md5": ""}""");

        assertThat(sparse.container()).isEqualTo("mp3");
        assertThat(sparse.size()).isZero();
        assertThat(sparse.videoStreams()).isEmpty();
        assertThat(sparse.audioStreams()).containsExactly(new AudioStream(0, 0, "mp3"));
        assertThatThrownBy(() -> MediaMetadata.parse("[]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaMetadata.parse("{")).isInstanceOf(IllegalArgumentException.class);
    }
}
