package io.openvod.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stored media URLs are answered on the platform's current media base; nothing else changes. */
class MediaUrlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "vod1500000001-1250000000/1500000001/5285890813342811041/";
    private static final MediaUrls NOW = new MediaUrls("http://127.0.0.1:40123");

    @Test
    void aUrlOfAnOpenVodObjectMovesToTheCurrentBase() {
        assertThat(NOW.current("http://127.0.0.1:8082/" + KEY + "aBcD.mp4")).isEqualTo("http://127.0.0.1:40123/" + KEY + "aBcD.mp4");
        assertThat(NOW.current("https://cdn.example.com/media/" + KEY + "v.f100010.mp4"))
                .as("a base with a path").isEqualTo("http://127.0.0.1:40123/" + KEY + "v.f100010.mp4");
        assertThat(NOW.current("http://127.0.0.1:40123/" + KEY + "cover.jpg")).isEqualTo("http://127.0.0.1:40123/" + KEY + "cover.jpg");
        assertThat(new MediaUrls("https://cdn.example.com/vod/").current("http://127.0.0.1:8082/" + KEY + "hls/master.m3u8"))
                .isEqualTo("https://cdn.example.com/vod/" + KEY + "hls/master.m3u8");
        assertThat(NOW.url("vod1-1", "1/2/x.mp4")).isEqualTo("http://127.0.0.1:40123/vod1-1/1/2/x.mp4");
    }

    @Test
    void otherTextStaysAsItIs() {
        String tencent = "http://1500012345.vod2.myqcloud.com/7d3c31f7vodtranscq1500012345/3ad8f5c85285890813342811041/MHoT2yOdJg4A.mp4";
        assertThat(NOW.current(tencent)).isEqualTo(tencent);
        assertThat(NOW.current("http://hooks.example/vod1-2/3/4/x")).as("the SubAppId of the bucket and the key differ")
                .isEqualTo("http://hooks.example/vod1-2/3/4/x");
        assertThat(NOW.current("/" + KEY + "a.mp4")).as("a storage path, not a URL").isEqualTo("/" + KEY + "a.mp4");
        assertThat(NOW.current("")).isEmpty();
        assertThat(NOW.current("SUCCESS")).isEqualTo("SUCCESS");
        assertThat(MediaUrls.UNCHANGED.current("http://127.0.0.1:8082/" + KEY + "a.mp4")).isEqualTo("http://127.0.0.1:8082/" + KEY + "a.mp4");
    }

    @Test
    void anEventBodyGetsItsUrlsMovedAndNothingElse() {
        String stored = "{\"EventType\":\"ProcedureStateChanged\",\"ProcedureStateChangeEvent\":{\"FileUrl\":\"http://127.0.0.1:8082/"
                + KEY + "a.mp4\",\"MetaData\":{\"Duration\":2.200000047683716},\"MediaProcessResultSet\":[{\"Type\":\"SampleSnapshot\","
                + "\"SampleSnapshotTask\":{\"Output\":{\"ImageUrlSet\":[\"http://127.0.0.1:8082/" + KEY + "s/1.jpg\",\"http://127.0.0.1:8082/"
                + KEY + "s/2.jpg\"]}}}],\"Message\":\"see http://127.0.0.1:8082/" + KEY + "x\"}}";
        String delivered = NOW.currentInJson(stored);
        assertThat(delivered).isEqualTo(stored.replace("\"http://127.0.0.1:8082/", "\"http://127.0.0.1:40123/"));
        assertThat(delivered).as("only whole string values are URLs").contains("\"see http://127.0.0.1:8082/");
        assertThat(MediaUrls.UNCHANGED.currentInJson(stored)).isEqualTo(stored);
    }

    @Test
    void anAnswerGetsEveryUrlMovedHoweverDeep() throws Exception {
        JsonNode answer = JSON.readTree("{\"MediaInfoSet\":[{\"BasicInfo\":{\"MediaUrl\":\"http://127.0.0.1:8082/" + KEY + "a.mp4\","
                + "\"CoverUrl\":\"\",\"Name\":\"a\"},\"SampleSnapshotInfo\":{\"SampleSnapshotSet\":[{\"ImageUrlSet\":[\"http://127.0.0.1:8082/"
                + KEY + "s/1.jpg\"]}]},\"ReviewInfo\":null}],\"TotalCount\":1}");
        NOW.currentIn(answer);
        assertThat(answer.at("/MediaInfoSet/0/BasicInfo/MediaUrl").asText()).isEqualTo("http://127.0.0.1:40123/" + KEY + "a.mp4");
        assertThat(answer.at("/MediaInfoSet/0/SampleSnapshotInfo/SampleSnapshotSet/0/ImageUrlSet/0").asText())
                .isEqualTo("http://127.0.0.1:40123/" + KEY + "s/1.jpg");
        assertThat(answer.at("/MediaInfoSet/0/BasicInfo/Name").asText()).isEqualTo("a");
        assertThat(answer.at("/MediaInfoSet/0/ReviewInfo").isNull()).isTrue();
        assertThat(answer.get("TotalCount").asInt()).isEqualTo(1);
    }

    @Test
    void aMediaRowIsAnsweredOnTheCurrentBase() {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        Media stored = new Media("5285890813342811041", 1250000000L, 1500000001L, "a", "", "mp4", 0, "vod1500000001-1250000000",
                "ap-guangzhou", "1500000001/5285890813342811041/a.mp4", "http://127.0.0.1:8082/" + KEY + "a.mp4",
                Optional.of("1500000001/5285890813342811041/c.jpg"), "http://127.0.0.1:8082/" + KEY + "c.jpg", "", 10, Optional.empty(),
                Optional.empty(), Media.NORMAL, Optional.empty(), t, t);
        Media now = NOW.current(stored);
        assertThat(now.mediaUrl()).isEqualTo("http://127.0.0.1:40123/" + KEY + "a.mp4");
        assertThat(now.coverUrl()).isEqualTo("http://127.0.0.1:40123/" + KEY + "c.jpg");
        assertThat(now.mediaKey()).isEqualTo(stored.mediaKey());
    }
}
