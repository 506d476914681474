package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing the cover of existing media over real HTTP, as the web SDK does it (ApplyUploadUGC
 * with {@code fileId} and the cover fields only, a PUT of the cover, CommitUploadUGC): the cover
 * is stored and served, the media's CoverUrl changes, a NewFileUpload event reports it, and only
 * the media's own application may do it.
 */
class CoverReplacementHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long OTHER_APP = 1_500_000_888L;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        platform.keys().addApp(PlatformFixture.APP_ID, OTHER_APP, "another application");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aNewCoverIsStoredServedDescribedAndReported() throws Exception {
        String fileId = Uploads.uploadSmall(platform, "media bytes".getBytes(StandardCharsets.UTF_8), b -> b).get("fileId").asText();
        byte[] first = "first cover, PNG pretend".getBytes(StandardCharsets.UTF_8);
        byte[] second = "the second cover".getBytes(StandardCharsets.UTF_8);

        String firstUrl = replaceCover(fileId, first, "png");
        assertThat(served(firstUrl)).isEqualTo(first);
        assertThat(describedCoverUrl(fileId)).isEqualTo(firstUrl);

        String secondUrl = replaceCover(fileId, second, "jpg");
        assertThat(secondUrl).isNotEqualTo(firstUrl).endsWith(".jpg");
        assertThat(served(secondUrl)).isEqualTo(second);
        assertThat(describedCoverUrl(fileId)).isEqualTo(secondUrl);
        assertThat(platform.node().catalog().find(fileId).orElseThrow().coverUrl()).isEqualTo(secondUrl);

        List<StoredEvent> events = platform.node().catalog().events(fileId);
        assertThat(events).hasSize(3);
        assertThat(events.stream().map(StoredEvent::seq).toList()).containsExactly(1L, 2L, 3L);
        JsonNode last = JSON.readTree(events.getLast().event().body());
        assertThat(last.get("EventType").asText()).isEqualTo("NewFileUpload");
        assertThat(last.get("FileUploadEvent").get("FileId").asText()).isEqualTo(fileId);
        assertThat(last.get("FileUploadEvent").get("MediaBasicInfo").get("CoverUrl").asText()).isEqualTo(secondUrl);
        assertThat(JSON.readTree(events.get(1).event().body()).get("FileUploadEvent").get("MediaBasicInfo").get("CoverUrl").asText())
                .isEqualTo(firstUrl);
    }

    @Test
    void onlyTheMediasOwnApplicationMayReplaceItsCover() {
        String fileId = Uploads.uploadSmall(platform, "other media".getBytes(StandardCharsets.UTF_8), b -> b).get("fileId").asText();
        long before = sessions();

        JsonNode foreign = platform.ugc("ApplyUploadUGC", coverApply(platform.signature(b -> b.vodSubAppId(OTHER_APP)), fileId, 10));
        assertThat(foreign.get("code").asInt()).as(foreign.toString()).isEqualTo(10011);
        JsonNode unknown = platform.ugc("ApplyUploadUGC", coverApply(platform.signature(), "5000000000000000001", 10));
        assertThat(unknown.get("code").asInt()).as(unknown.toString()).isEqualTo(10011);
        assertThat(sessions()).as("no session for a refused cover").isEqualTo(before);
        assertThat(platform.node().catalog().events(fileId)).hasSize(1);
    }

    @Test
    void aCoverWhoseMediaWasDeletedBeforeCommitIsMediaNotFound() {
        String fileId = Uploads.uploadSmall(platform, "short-lived".getBytes(StandardCharsets.UTF_8), b -> b).get("fileId").asText();
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", coverApply(platform.signature(), fileId, 5)));
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        HttpResponse<String> put = cos.put(CosTestClient.key(apply.get("cover").get("storagePath").asText()), "cover".getBytes(),
                Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        Tc3TestClient.Answer deleted = new Tc3TestClient(platform.url(), Clock.systemUTC())
                .call("DeleteMedia", "{\"FileId\":\"" + fileId + "\"}");
        assertThat(deleted.errorCode()).as(deleted.body().toString()).isNull();

        Tc3TestClient.Answer cloudCommit = new Tc3TestClient(platform.url(), Clock.systemUTC())
                .call("CommitUpload", "{\"VodSessionKey\":\"" + apply.get("vodSessionKey").asText() + "\"}");
        assertThat(cloudCommit.errorCode()).as(cloudCommit.body().toString()).isEqualTo("ResourceNotFound.FileNotExist");
        JsonNode commit = platform.ugc("CommitUploadUGC", PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", apply.get("vodSessionKey").asText()));
        assertThat(commit.get("code").asInt()).as(commit.toString()).isEqualTo(10011);
    }

    /** Apply, PUT and Commit of a cover for {@code fileId}; returns the committed cover URL. */
    private static String replaceCover(String fileId, byte[] cover, String type) {
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", coverApply(platform.signature(), fileId, cover.length)
                .put("coverType", type)));
        assertThat(apply.has("video")).as("a cover upload has no video").isFalse();
        String key = CosTestClient.key(apply.get("cover").get("storagePath").asText());
        assertThat(key).startsWith(PlatformFixture.APP_ID + "/" + fileId + "/").endsWith("." + type);
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        HttpResponse<String> put = cos.put(key, cover, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        JsonNode committed = Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json().put("signature", platform.signature())
                .put("vodSessionKey", apply.get("vodSessionKey").asText())));
        assertThat(committed.get("fileId").asText()).isEqualTo(fileId);
        assertThat(committed.has("video")).isFalse();
        return committed.get("cover").get("url").asText();
    }

    /** The Apply body of the web SDK's cover replacement: no video fields at all. */
    private static ObjectNode coverApply(String signature, String fileId, long size) {
        return PlatformFixture.json().put("signature", signature).put("fileId", fileId).put("coverName", "cover")
                .put("coverType", "png").put("coverSize", size).put("uploadFromWeb", true);
    }

    private static byte[] served(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String describedCoverUrl(String fileId) {
        Tc3TestClient.Answer answer = new Tc3TestClient(platform.url(), Clock.systemUTC())
                .call("DescribeMediaInfos", "{\"FileIds\":[\"" + fileId + "\"]}");
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        return answer.response().get("MediaInfoSet").get(0).get("BasicInfo").get("CoverUrl").asText();
    }

    private static long sessions() {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM upload_sessions")
                .mapTo(Long.class).one());
    }
}
