package io.openvod.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.storage.s3.S3MockProcess;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform configured with {@code platform.storage.type: s3}, against a real S3 server
 * (S3Mock): a multipart upload of a real MP4 is assembled in the bucket, read back exactly, and
 * committed with its FFmpeg metadata (read from a temporary copy, as S3 lends no local file).
 */
class S3PlatformUploadTest {
    private static final String SECRET_ID = "AKIDS3TEST0000000000000000000000000000";
    private static final String SECRET_KEY = "s3-test-secret-key-0000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PART = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aMultipartUploadLandsInTheBucketAndCommitsWithMetadata() throws Exception {
        Path clip = TestClips.ffmpeg(dir.resolve("clip.mp4"), List.of("-f", "lavfi", "-i", "testsrc2=duration=2:size=1280x720:rate=25",
                "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y",
                dir.resolve("clip.mp4").toString()));
        long size = Files.size(clip);
        assertThat(size).isGreaterThan(2L * PART);
        try (S3MockProcess s3 = S3MockProcess.start()) {
            s3.createBucket("openvod-media");
            Path file = dir.resolve("openvod.yaml");
            Files.writeString(file, "keys:\n  - secretId: " + SECRET_ID + "\n    secretKey: " + SECRET_KEY + "\n"
                    + "platform:\n  storage:\n    type: s3\n    s3:\n      endpoint: " + s3.endpoint() + "\n      bucket: openvod-media\n"
                    + "      prefix: vod\n      accessKeyId: " + S3MockProcess.ACCESS_KEY_ID + "\n      secretAccessKey: "
                    + S3MockProcess.SECRET_ACCESS_KEY.reveal() + "\n");
            OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of("platform.http.port=0",
                    "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"))));
            try (Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC())) {
                assertThat(platform.services().store().describe()).contains("openvod-media");
                JsonNode apply = ugc(platform, "ApplyUploadUGC", Uploads.applyBody(sign(), "s3 clip", "mp4", size).toString());
                JsonNode data = Uploads.data(apply);
                CosTestClient cos = CosTestClient.forApply(platform.url(), data);
                String key = CosTestClient.key(data.get("video").get("storagePath").asText());
                String uploadId = cos.initiate(key);
                List<String> etags = new ArrayList<>();
                for (int n = 1; (long) (n - 1) * PART < size; n++) {
                    long offset = (long) (n - 1) * PART;
                    HttpResponse<String> part = cos.putPart(key, uploadId, n, Uploads.slice(clip, offset, (int) Math.min(PART, size - offset)));
                    assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
                    etags.add(part.headers().firstValue("ETag").orElseThrow());
                }
                HttpResponse<String> complete = cos.complete(key, uploadId, Uploads.completeXml(etags));
                assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
                JsonNode commit = Uploads.data(ugc(platform, "CommitUploadUGC", JSON.createObjectNode().put("signature", sign())
                        .put("vodSessionKey", data.get("vodSessionKey").asText()).toString()));

                try (InputStream stored = platform.services().store().read(StorageLayout.storeKey(cos.bucket(), key), 0, size)) {
                    assertThat(Uploads.sha256(stored)).isEqualTo(Uploads.sha256(clip));
                }
                var media = platform.node().catalog().find(commit.get("fileId").asText()).orElseThrow();
                assertThat(JSON.readTree(media.metadataJson().orElseThrow()).get("Width").asInt()).isEqualTo(1280);
                assertThat(platform.services().store().list("_multipart/")).as("no parts are left").isEmpty();
            }
        }
    }

    private static String sign() {
        long now = Instant.now().getEpochSecond();
        return UploadSigner.sign(SignatureParameters.builder().secretId(SECRET_ID).currentTimeStamp(now).expireTime(now + 600)
                .random(System.nanoTime() & 0xFFFFFFL).build(), SECRET_KEY);
    }

    private static JsonNode ugc(Platform platform, String action, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.url() + "/v3/index.php?Action=" + action)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
