package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole client upload over real HTTP: Apply → multipart upload of a real MP4 in parallel
 * parts → Complete → Commit, then the stored object, the catalog and the outbox are checked.
 */
class UploadFlowHttpTest {
    static final int PART = 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path clip;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        clip = TestClips.ffmpeg(dir.resolve("clip.mp4"), List.of("-f", "lavfi", "-i", "testsrc2=duration=3:size=1280x720:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", "-y",
                dir.resolve("clip.mp4").toString()));
        platform = PlatformFixture.start(dir.resolve("platform"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aWholeUploadStoresTheExactBytesAndRecordsMediaAndEvent() throws Exception {
        long size = Files.size(clip);
        assertThat(size).as("the clip needs several 1 MiB parts").isGreaterThan(3L * PART);
        String signature = platform.signature(b -> b.sourceContext("uid=42&req=r1").procedure("Review").classId(0L));
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(signature, "lesson 7", "mp4", size)));
        assertThat(apply.get("storageBucket").asText()).matches("[a-z0-9-]+");
        assertThat(String.valueOf(apply.get("tempCertificate").get("expiredTime").asLong())).hasSize(10);
        assertThat(String.valueOf(apply.get("timestamp").asLong())).hasSize(10);
        assertThat(apply.get("StorageRegionV5").asText()).isEqualTo(apply.get("storageRegionV5").asText());
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        String key = CosTestClient.key(apply.get("video").get("storagePath").asText());

        String uploadId = cos.initiate(key);
        int parts = (int) ((size + PART - 1) / PART);
        List<String> etags = uploadParts(cos, key, uploadId, parts, size);
        HttpResponse<String> completed = cos.complete(key, uploadId, Uploads.completeXml(etags));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        assertThat(completed.body()).contains("<CompleteMultipartUploadResult>").contains("-" + parts + "\"</ETag>");
        assertThat(completed.headers().firstValue("x-cos-request-id")).isPresent();

        ObjectNodeBody commit = new ObjectNodeBody(platform.signature(), apply.get("vodSessionKey").asText());
        JsonNode committed = Uploads.data(platform.ugc("CommitUploadUGC", commit.json()));
        String fileId = committed.get("fileId").asText();
        assertThat(fileId).matches("[0-9]{19}");
        String mediaUrl = committed.get("video").get("url").asText();

        String storeKey = StorageLayout.storeKey(cos.bucket(), key);
        try (InputStream stored = platform.store().read(storeKey, 0, size)) {
            assertThat(Uploads.sha256(stored)).isEqualTo(Uploads.sha256(clip));
        }
        Media media = platform.node().catalog().find(fileId).orElseThrow();
        assertThat(media.name()).isEqualTo("lesson 7");
        assertThat(media.size()).isEqualTo(size);
        assertThat(media.mediaUrl()).isEqualTo(mediaUrl);
        JsonNode meta = JSON.readTree(media.metadataJson().orElseThrow());
        assertThat(meta.get("Width").asInt()).isEqualTo(1280);
        assertThat(meta.get("Height").asInt()).isEqualTo(720);
        assertThat(meta.get("Duration").asDouble()).isBetween(2.9, 3.2);
        assertThat(meta.get("Size").asLong()).isEqualTo(size);
        assertThat(meta.get("VideoStreamSet").get(0).get("Codec").asText()).isEqualTo("h264");
        assertThat(meta.get("AudioStreamSet").get(0).get("Codec").asText()).isEqualTo("aac");

        List<StoredEvent> events = platform.node().catalog().events(fileId);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().seq()).isEqualTo(1);
        JsonNode event = JSON.readTree(events.getFirst().event().body());
        assertThat(event.get("EventType").asText()).isEqualTo("NewFileUpload");
        JsonNode upload = event.get("FileUploadEvent");
        assertThat(upload.get("FileId").asText()).isEqualTo(fileId);
        assertThat(upload.get("MediaBasicInfo").get("SourceInfo").get("SourceContext").asText()).isEqualTo("uid=42&req=r1");
        assertThat(upload.get("MediaBasicInfo").get("MediaUrl").asText()).isEqualTo(mediaUrl);
        assertThat(upload.get("ProcedureTaskId").asText()).startsWith(PlatformFixture.APP_ID + "-procedurev2-");
        assertThat(upload.get("MetaData").get("Width").asInt()).isEqualTo(1280);
        assertThat(platform.node().catalog().pendingFlows(10)).anySatisfy(f -> {
            assertThat(f.fileId()).isEqualTo(fileId);
            assertThat(f.procedure()).isEqualTo("Review");
        });

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(mediaUrl)).header("Range", "bytes=100-199").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Uploads.slice(clip, 100, 100));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-199/" + size);
        assertThat(range.headers().firstValue("Content-Type")).contains("video/mp4");

        JsonNode again = Uploads.data(platform.ugc("CommitUploadUGC", new ObjectNodeBody(platform.signature(),
                apply.get("vodSessionKey").asText()).json()));
        assertThat(again.get("fileId").asText()).as("a repeated commit answers the same").isEqualTo(fileId);
        assertThat(platform.node().catalog().events(fileId)).as("and writes no second event").hasSize(1);
    }

    @Test
    void theObjectApiAnswersBrowserPreflightsAndExposesTheEtag() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(platform.url() + "/vod1-1250000000/a/b.mp4"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,x-cos-security-token").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
                .contains("authorization").contains("x-cos-security-token");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("PUT");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(platform.url() + "/vod1-1250000000/a/b.mp4"))
                .header("Origin", "https://app.example.com").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<Code>NoSuchKey</Code>");
        assertThat(missing.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("ETag");
    }

    static List<String> uploadParts(CosTestClient cos, String key, String uploadId, int parts, long size) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int n = 1; n <= parts; n++) {
                int partNumber = n;
                futures.add(pool.submit(() -> {
                    long offset = (long) (partNumber - 1) * PART;
                    byte[] body = Uploads.slice(clip, offset, (int) Math.min(PART, size - offset));
                    HttpResponse<String> response = cos.putPart(key, uploadId, partNumber, body);
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    assertThat(response.headers().firstValue("ETag")).contains("\"" + Uploads.md5Hex(body) + "\"");
                    return response.headers().firstValue("ETag").orElseThrow();
                }));
            }
            List<String> etags = new ArrayList<>();
            for (Future<String> f : futures) {
                etags.add(f.get());
            }
            return etags;
        }
    }

    /** A Commit body. */
    record ObjectNodeBody(String signature, String sessionKey) {
        com.fasterxml.jackson.databind.node.ObjectNode json() {
            return PlatformFixture.json().put("signature", signature).put("vodSessionKey", sessionKey);
        }
    }
}
