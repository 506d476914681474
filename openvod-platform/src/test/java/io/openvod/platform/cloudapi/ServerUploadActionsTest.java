package io.openvod.platform.cloudapi;

import static io.openvod.platform.cloudapi.MediaActionsFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.ugc.StorageLayout;
import io.openvod.signature.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerUploadActionsTest {
    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static MediaActionsFixture actions;
    static byte[] clip;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformFixture.start(dir.resolve("platform"));
        actions = new MediaActionsFixture(platform);
        clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void applyUploadToCosThenCommitRecordsTheMediaWithItsContextsAndCover() {
        ObjectNode apply = actions.apply.handle(actions.call(), request("{\"MediaType\":\"MP4\",\"MediaName\":\"server side\","
                + "\"CoverType\":\"jpg\",\"ClassId\":3,\"SourceContext\":\"src\",\"SessionContext\":\"sess\",\"Procedure\":\"LongVideoPreset\","
                + "\"ExpireTime\":\"2030-01-01T00:00:00Z\",\"StorageRegion\":\"ap-guangzhou\"}"));

        String bucket = "vod" + PlatformFixture.APP_ID + "-" + PlatformFixture.APP_ID;
        assertThat(apply.get("StorageBucket").asText()).as("the full bucket name").isEqualTo(bucket);
        assertThat(apply.get("StorageRegion").asText()).isEqualTo("ap-guangzhou");
        assertThat(apply.get("MediaStoragePath").asText()).startsWith("/" + PlatformFixture.APP_ID + "/").endsWith(".mp4");
        assertThat(apply.get("CoverStoragePath").asText()).endsWith(".jpg");
        JsonNode cert = apply.get("TempCertificate");
        assertThat(cert.get("ExpiredTime").isIntegralNumber()).isTrue();
        assertThat(cert.get("ExpiredTime").asLong()).isGreaterThan(Instant.now().getEpochSecond());

        CosTestClient cos = cos(apply);
        String mediaKey = CosTestClient.key(apply.get("MediaStoragePath").asText());
        String coverKey = CosTestClient.key(apply.get("CoverStoragePath").asText());
        assertThat(cos.put(mediaKey, clip, Map.of(), Map.of()).statusCode()).isEqualTo(200);
        assertThat(cos.put(coverKey, "a cover".getBytes(), Map.of(), Map.of()).statusCode()).isEqualTo(200);

        String commitBody = "{\"VodSessionKey\":\"" + apply.get("VodSessionKey").asText() + "\"}";
        ObjectNode committed = actions.commit.handle(actions.call(), request(commitBody));
        String fileId = committed.get("FileId").asText();
        assertThat(fileId).matches("[0-9]{19}");
        assertThat(committed.get("MediaUrl").asText()).isEqualTo(platform.url() + "/" + bucket + "/" + mediaKey);
        assertThat(committed.get("CoverUrl").asText()).isEqualTo(platform.url() + "/" + bucket + "/" + coverKey);
        assertThat(actions.commit.handle(actions.call(), request(commitBody))).as("a repeated commit answers the same")
                .isEqualTo(committed);

        Media media = platform.node().catalog().find(fileId).orElseThrow();
        assertThat(media.name()).isEqualTo("server side");
        assertThat(media.type()).isEqualTo("mp4");
        assertThat(media.classId()).isEqualTo(3);
        assertThat(media.sourceContext()).isEqualTo("src");
        assertThat(media.expireAt()).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(media.metadataJson()).isPresent();
        assertThat(platform.node().catalog().events(fileId)).extracting(StoredEvent::event)
                .extracting(e -> e.eventType()).containsExactly("NewFileUpload");
        assertThat(platform.node().catalog().pendingFlows(100)).anySatisfy(flow -> {
            assertThat(flow.fileId()).isEqualTo(fileId);
            assertThat(flow.procedure()).isEqualTo("LongVideoPreset");
            assertThat(flow.sessionContext()).isEqualTo("sess");
        });
    }

    @Test
    void commitWithoutACoverAnswersAnEmptyCoverUrl() {
        ObjectNode apply = actions.apply.handle(actions.call(), request("{\"MediaType\":\"mp4\"}"));
        assertThat(apply.get("CoverStoragePath").asText()).isEmpty();
        assertThat(cos(apply).put(CosTestClient.key(apply.get("MediaStoragePath").asText()), clip, Map.of(), Map.of()).statusCode())
                .isEqualTo(200);
        ObjectNode committed = actions.commit.handle(actions.call(),
                request("{\"VodSessionKey\":\"" + apply.get("VodSessionKey").asText() + "\"}"));
        assertThat(committed.get("CoverUrl").asText()).isEmpty();
        assertThat(platform.store().stat(StorageLayout.storeKey(apply.get("StorageBucket").asText(),
                CosTestClient.key(apply.get("MediaStoragePath").asText())))).isPresent();
    }

    @Test
    void commitBeforeTheUploadOrWithAnUnknownOrForeignKeyIsRefused() {
        ObjectNode apply = actions.apply.handle(actions.call(), request("{\"MediaType\":\"mp4\"}"));
        String key = apply.get("VodSessionKey").asText();
        assertThat(commitCode("{\"VodSessionKey\":\"" + key + "\"}")).isEqualTo("FailedOperation");
        assertThat(commitCode("{\"VodSessionKey\":\"no-such-session\"}")).isEqualTo("InvalidParameterValue.VodSessionKey");
        assertThat(commitCode("{}")).isEqualTo("MissingParameter");
        long other = PlatformFixture.APP_ID + 11;
        platform.keys().addApp(PlatformFixture.APP_ID, other, "other");
        assertThat(commitCode("{\"VodSessionKey\":\"" + key + "\",\"SubAppId\":" + other + "}"))
                .isEqualTo("InvalidParameterValue.VodSessionKey");
    }

    @Test
    void commitOfAnEmptyMediaFileIsAFailedOperation() {
        ObjectNode apply = actions.apply.handle(actions.call(), request("{\"MediaType\":\"mp4\"}"));
        assertThat(cos(apply).put(CosTestClient.key(apply.get("MediaStoragePath").asText()), new byte[0], Map.of(), Map.of())
                .statusCode()).isEqualTo(200);
        CloudApiException refused = catchThrowableOfType(CloudApiException.class, () -> actions.commit.handle(actions.call(),
                request("{\"VodSessionKey\":\"" + apply.get("VodSessionKey").asText() + "\"}")));
        assertThat(refused.code()).isEqualTo("FailedOperation");
        assertThat(refused.getMessage()).contains("the video is empty (0 bytes)");
    }

    @Test
    void applyRefusesBadParameters() {
        assertThat(applyCode("{}")).isEqualTo("MissingParameter");
        assertThat(applyCode("{\"MediaType\":\"m p4\"}")).isEqualTo("InvalidParameterValue.MediaType");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"CoverType\":\"../jpg\"}")).isEqualTo("InvalidParameterValue.CoverType");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"StorageRegion\":\"ap-shanghai\"}")).isEqualTo("InvalidParameterValue.StorageRegion");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"ExpireTime\":\"tomorrow\"}")).isEqualTo("InvalidParameterValue.ExpireTime");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"ClassId\":-1}")).isEqualTo("InvalidParameterValue.ClassId");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"SourceContext\":\"" + "s".repeat(251) + "\"}")).isEqualTo("InvalidParameterValue");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"SessionContext\":\"" + "s".repeat(1001) + "\"}"))
                .isEqualTo("InvalidParameterValue.SessionContextTooLong");
        assertThat(applyCode("{\"MediaType\":\"mp4\",\"SubAppId\":1}")).isEqualTo("InvalidParameterValue.SubAppId");
        assertThat(actions.apply.handle(actions.call(), request("{\"MediaType\":\"mp4\",\"SourceContext\":\"" + "s".repeat(250)
                + "\",\"SessionContext\":\"" + "s".repeat(1000) + "\"}")).get("VodSessionKey").asText()).isNotEmpty();
    }

    /** A path-style COS client with the temporary credentials of an ApplyUpload answer. */
    private static CosTestClient cos(JsonNode apply) {
        JsonNode cert = apply.get("TempCertificate");
        return new CosTestClient(platform.url(), apply.get("StorageBucket").asText(),
                new Credential(cert.get("SecretId").asText(), cert.get("SecretKey").asText()), cert.get("Token").asText(),
                Instant.now().getEpochSecond() - 60, cert.get("ExpiredTime").asLong());
    }

    private static String applyCode(String json) {
        return catchThrowableOfType(CloudApiException.class, () -> actions.apply.handle(actions.call(), request(json))).code();
    }

    private static String commitCode(String json) {
        return catchThrowableOfType(CloudApiException.class, () -> actions.commit.handle(actions.call(), request(json))).code();
    }
}
