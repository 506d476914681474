package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.catalog.Media;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NewFileUpload body: Tencent's names and types, times in whole UTC seconds, contexts echoed. */
class FileUploadEventsTest {
    private static final Instant CREATED = Instant.parse("2026-11-29T12:00:01.789Z");

    private static Media media(Optional<String> metadata, Optional<Instant> expire) {
        return new Media("5000000000000000001", 1250000000L, 1250000000L, "lesson 7", "", "mp4", 0, "vod1-1", "ap-guangzhou",
                "1/5000000000000000001/a.mp4", "http://h/vod1-1/1/5000000000000000001/a.mp4", Optional.empty(), "",
                "uid=42&req=r1", 10, metadata, Optional.empty(), "Normal", expire, CREATED, CREATED);
    }

    @Test
    void theBodyHasTencentsShape() {
        JsonNode body = FileUploadEvents.newFileUpload(media(Optional.of("{\"VideoStreamSet\":[{\"Codec\":\"h264\"}],"
                + "\"AudioStreamSet\":[],\"Duration\":2.5}"), Optional.empty()), "1-procedurev2-abct0");
        assertThat(body.get("EventType").asText()).isEqualTo("NewFileUpload");
        JsonNode event = body.get("FileUploadEvent");
        assertThat(event.get("FileId").isTextual()).isTrue();
        assertThat(event.get("ProcedureTaskId").asText()).isEqualTo("1-procedurev2-abct0");
        JsonNode info = event.get("MediaBasicInfo");
        assertThat(info.get("CreateTime").asText()).isEqualTo("2026-11-29T12:00:01Z");
        assertThat(info.get("ExpireTime").asText()).isEqualTo("9999-12-31T23:59:59Z");
        assertThat(info.get("ClassId").isIntegralNumber()).isTrue();
        assertThat(info.get("TagSet").isArray()).isTrue();
        assertThat(info.get("SourceInfo").get("SourceContext").asText()).isEqualTo("uid=42&req=r1");
        assertThat(info.get("Category").asText()).isEqualTo("Video");
        assertThat(event.get("MetaData").get("Duration").asDouble()).isEqualTo(2.5);
    }

    @Test
    void audioOnlyMediaIsAudioAndAnExpiryIsKept() {
        JsonNode info = FileUploadEvents.newFileUpload(media(Optional.of("{\"VideoStreamSet\":[],\"AudioStreamSet\":[{\"Codec\":\"aac\"}]}"),
                Optional.of(Instant.parse("2030-01-01T00:00:00Z"))), "").get("FileUploadEvent").get("MediaBasicInfo");
        assertThat(info.get("Category").asText()).isEqualTo("Audio");
        assertThat(info.get("ExpireTime").asText()).isEqualTo("2030-01-01T00:00:00Z");
        JsonNode noMeta = FileUploadEvents.newFileUpload(media(Optional.empty(), Optional.empty()), "").get("FileUploadEvent");
        JsonNode sizeOnly = noMeta.get("MetaData");
        assertThat(sizeOnly).as("when ffprobe could not read the file, MetaData has its size only").isNotNull();
        assertThat(sizeOnly.get("Size").asLong()).isEqualTo(10);
        assertThat(sizeOnly.get("Container").asText()).isEmpty();
        assertThat(sizeOnly.get("Duration").asDouble()).isZero();
        assertThat(sizeOnly.get("VideoStreamSet")).isEmpty();
        assertThat(sizeOnly.get("AudioStreamSet")).isEmpty();
    }
}
