package io.openvod.platform.cloudapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SearchMedia through the platform's API 3.0 front door: pages of the application's media with DescribeMediaInfos' MediaInfo. */
class SearchMediaActionTest {
    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static Tc3TestClient api;
    static final List<String> uploaded = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        api = new Tc3TestClient(platform.url(), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            uploaded.add(Uploads.uploadSmall(platform, ("media " + i).getBytes(), b -> b).get("fileId").asText());
        }
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void pagesThroughAllMediaNewestFirstWithTheirMediaInfo() {
        JsonNode all = search("{\"Limit\":10}");
        assertThat(all.get("TotalCount").asInt()).isEqualTo(3);
        List<String> newestFirst = fileIds(all);
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(uploaded);
        JsonNode first = all.get("MediaInfoSet").get(0);
        assertThat(first.get("BasicInfo").get("MediaUrl").asText()).startsWith(platform.url() + "/");
        assertThat(first.get("MetaData").get("Size").asLong()).as("the MetaData of DescribeMediaInfos").isEqualTo(7);

        JsonNode firstPage = search("{\"Offset\":0,\"Limit\":2,\"Sort\":{\"Field\":\"CreateTime\",\"Order\":\"Desc\"}}");
        JsonNode secondPage = search("{\"Offset\":2,\"Limit\":2}");
        assertThat(firstPage.get("TotalCount").asInt()).as("TotalCount counts all media, not the page").isEqualTo(3);
        List<String> paged = new ArrayList<>(fileIds(firstPage));
        paged.addAll(fileIds(secondPage));
        assertThat(paged).isEqualTo(newestFirst);

        assertThat(fileIds(search("{\"Sort\":{\"Field\":\"CreateTime\",\"Order\":\"Asc\"}}"))).isEqualTo(newestFirst.reversed());
        assertThat(fileIds(search("{\"Offset\":5}"))).as("past the end: an empty page").isEmpty();
    }

    @Test
    void refusesPagesBeyondFiveThousandAndSearchConditionsItDoesNotApply() {
        assertThat(api.call("SearchMedia", "{\"Offset\":4999,\"Limit\":2}").errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(api.call("SearchMedia", "{\"Limit\":0}").errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(api.call("SearchMedia", "{\"Sort\":{\"Field\":\"Name\"}}").errorCode()).isEqualTo("InvalidParameterValue");
        Tc3TestClient.Answer text = api.call("SearchMedia", "{\"Text\":\"holiday\"}");
        assertThat(text.errorCode()).isEqualTo("UnsupportedOperation");
        assertThat(text.response().get("Error").get("Message").asText()).contains("Text");
        assertThat(api.call("SearchMedia", "{\"Names\":[]}").errorCode()).as("an empty condition is no condition").isNull();
    }

    private static JsonNode search(String body) {
        Tc3TestClient.Answer answer = api.call("SearchMedia", body);
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        return answer.response();
    }

    private static List<String> fileIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("MediaInfoSet").forEach(info -> ids.add(info.get("FileId").asText()));
        return ids;
    }
}
