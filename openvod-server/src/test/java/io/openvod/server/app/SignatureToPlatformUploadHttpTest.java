package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's first steps across both services over real HTTP: a signed-in user gets a signature
 * from the app backend, uploads with it to the platform, commits, and the platform's
 * NewFileUpload event carries the app's sourceContext and the procedure the policy chose.
 */
class SignatureToPlatformUploadHttpTest {
    @TempDir
    Path dir;

    @Test
    void aSignatureFromTheAppBackendUploadsToThePlatform() throws Exception {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "keys:\n  - secretId: " + AppFixture.KEY_A_ID + "\n    secretKey: " + AppFixture.KEY_A + "\n");
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"))));
        try (Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC());
             AppBackend app = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(),
                     Map.of("user", AppFixture.role(List.of("Review"), "Review", List.of(), null, 10, -1, -1)), Map.of(),
                     new RateLimitConfig(0, 0), AppFixture.noJwt()), Clock.systemUTC())) {
            platform.services().keys().addApp(config.platform().account().appId(), 1_500_000_001L, "app");
            app.services().accounts().createUser("alice", "", Optional.of("a long password".toCharArray()));
            String session = AppFixture.post(app.url(), "api/v1/login", null, "application/json",
                    "{\"user\":\"alice\",\"password\":\"a long password\"}").body().path("data").path("token").asText();

            byte[] video = "not really a video, but bytes all the same".getBytes();
            JsonNode apply = ugc(platform, "ApplyUploadUGC", "{\"signature\":\"" + signature(app.url(), session)
                    + "\",\"videoName\":\"holiday\",\"videoType\":\"mp4\",\"videoSize\":" + video.length + "}");
            assertThat(apply.get("code").asInt()).as(apply.toString()).isZero();
            JsonNode data = apply.get("data");
            assertThat(data.get("appId").asLong()).as("the sub-application the app signs for").isEqualTo(1_500_000_001L);
            CosTestClient cos = CosTestClient.forApply(platform.url(), data);
            assertThat(cos.put(CosTestClient.key(data.get("video").get("storagePath").asText()), video, Map.of(), Map.of())
                    .statusCode()).isEqualTo(200);
            JsonNode commit = ugc(platform, "CommitUploadUGC", "{\"signature\":\"" + signature(app.url(), session)
                    + "\",\"vodSessionKey\":\"" + data.get("vodSessionKey").asText() + "\"}");
            assertThat(commit.get("code").asInt()).as(commit.toString()).isZero();

            String fileId = commit.get("data").get("fileId").asText();
            // The Review flow may already have run and added its ProcedureStateChanged: look at the upload's event.
            List<StoredEvent> events = platform.node().catalog().events(fileId).stream()
                    .filter(e -> e.event().eventType().equals("NewFileUpload")).toList();
            assertThat(events).hasSize(1);
            JsonNode event = AppFixture.JSON.readTree(events.getFirst().event().body()).get("FileUploadEvent");
            assertThat(event.get("MediaBasicInfo").get("SourceInfo").get("SourceContext").asText()).startsWith("uid=alice&req=");
            assertThat(event.get("ProcedureTaskId").asText()).contains("-procedurev2-");
            String taskId = event.get("ProcedureTaskId").asText();
            boolean pending = platform.node().catalog().pendingFlows(10).stream()
                    .anyMatch(f -> f.taskId().equals(taskId) && f.procedure().equals("Review"));
            assertThat(pending || platform.node().flows().flows().find(taskId).filter(f -> f.procedure().equals("Review")).isPresent())
                    .as("the Review flow is recorded, waiting or started").isTrue();
        }
    }

    private static String signature(URI app, String session) {
        AppFixture.Reply reply = AppFixture.get(app, "api/v1/upload-signature", session);
        assertThat(reply.code()).as(reply.body().toString()).isZero();
        return reply.signature();
    }

    private static JsonNode ugc(Platform platform, String action, String body) throws Exception {
        return AppFixture.send(HttpRequest.newBuilder(URI.create(platform.url() + "/v3/index.php?Action=" + action))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()).body();
    }
}
