package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code openvod dev}'s stack: the demo user gets a signature that the platform accepts; the dev key survives a restart. */
class DevStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void theDemoUsersSignatureOpensAnUploadAndTheKeyIsKept() throws Exception {
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(null, dir, Map.of(), List.of(
                "platform.http.port=0", "app.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                "app.database.url=jdbc:sqlite:" + dir.resolve("app.db"))));
        String secretId;
        try (DevStack dev = DevStack.start(config, dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(dev);
            JsonNode state = JSON.readTree(dev.stateFile().toFile());
            assertThat(state.get("platformUrl").asText()).isEqualTo(dev.platform().url());
            assertThat(state.get("secretId").asText()).isEqualTo(dev.key().secretId()).startsWith("AKID");
            secretId = dev.key().secretId();

            String token = post(state.get("appUrl").asText() + "api/v1/login", null,
                    "{\"user\":\"demo\",\"password\":\"" + state.get("password").asText() + "\"}").path("data").path("token").asText();
            JsonNode signed = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(state.get("appUrl").asText()
                            + "api/v1/upload-signature")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String signature = signed.path("data").path("signature").asText();
            JsonNode apply = post(dev.platform().url() + "/v3/index.php?Action=ApplyUploadUGC", null,
                    "{\"signature\":\"" + signature + "\",\"videoName\":\"a\",\"videoType\":\"mp4\",\"videoSize\":1}");
            assertThat(apply.get("code").asInt()).as(apply.toString()).isZero();

            String moderator = post(state.get("appUrl").asText() + "api/v1/login", null, "{\"user\":\"" + state.get("moderator").asText()
                    + "\",\"password\":\"" + state.get("moderatorPassword").asText() + "\"}").path("data").path("token").asText();
            assertThat(queue(state, moderator)).as("the demo moderator sees the review queue").isEqualTo(200);
            assertThat(queue(state, token)).as("the demo user does not").isEqualTo(403);
        }
        try (DevStack again = DevStack.start(config, dir.resolve("state"), Clock.systemUTC())) {
            DevUploads.remember(again);
            assertThat(again.key().secretId()).as("the dev key is made once").isEqualTo(secretId);
        }
    }

    private int queue(JsonNode state, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(state.get("appUrl").asText() + "api/v1/moderation/queue"))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode post(String url, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
