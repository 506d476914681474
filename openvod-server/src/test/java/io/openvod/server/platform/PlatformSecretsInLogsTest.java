package io.openvod.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.logging.TraceLogCapture;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole upload and its refusals at {@code logging.level: trace}: no API secret key, temporary
 * credential, security token, vodSessionKey or signature reaches the log.
 */
class PlatformSecretsInLogsTest {
    private static final String SECRET_ID = "AKIDLOGTEST00000000000000000000000000";
    private static final String SECRET_KEY = "log-test-secret-key-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void logsShouldNeverContainSecrets() throws Exception {
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "keys:\n  - secretId: " + SECRET_ID + "\n    secretKey: " + SECRET_KEY + "\n");
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"))));
        List<String> secrets = new ArrayList<>(List.of(SECRET_KEY));
        TraceLogCapture logs = new TraceLogCapture();
        try (logs; Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC())) {
            String signature = sign(false);
            JsonNode apply = ugc(platform, "ApplyUploadUGC", JSON.createObjectNode().put("signature", signature)
                    .put("videoName", "v").put("videoType", "mp4").put("videoSize", 10)).get("data");
            JsonNode cert = apply.get("tempCertificate");
            secrets.addAll(List.of(signature, cert.get("secretKey").asText(), cert.get("token").asText(),
                    apply.get("vodSessionKey").asText()));
            CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
            String key = CosTestClient.key(apply.get("video").get("storagePath").asText());
            assertThat(cos.put(key, new byte[10], Map.of(), Map.of()).statusCode()).isEqualTo(200);
            assertThat(cos.withSecretKey("wrong-" + cert.get("secretKey").asText()).put(key, new byte[10], Map.of(), Map.of())
                    .statusCode()).isEqualTo(403);
            String tampered = signature.substring(0, signature.length() - 6) + "AAAAAA";
            secrets.add(tampered);
            assertThat(ugc(platform, "ApplyUploadUGC", JSON.createObjectNode().put("signature", tampered)).get("code").asInt())
                    .isNotZero();
            String once = sign(true);
            secrets.add(once);
            ugc(platform, "ApplyUploadUGC", JSON.createObjectNode().put("signature", once).put("videoName", "w").put("videoType", "mp4"));
            ugc(platform, "ApplyUploadUGC", JSON.createObjectNode().put("signature", once).put("videoName", "w").put("videoType", "mp4"));
            String commitSignature = sign(false);
            secrets.add(commitSignature);
            JsonNode commit = ugc(platform, "CommitUploadUGC", JSON.createObjectNode().put("signature", commitSignature)
                    .put("vodSessionKey", apply.get("vodSessionKey").asText()));
            assertThat(commit.get("code").asInt()).isZero();
        }
        logs.assertNoneContains(secrets);
    }

    private static String sign(boolean oneTime) {
        long now = Instant.now().getEpochSecond();
        SignatureParameters.Builder b = SignatureParameters.builder().secretId(SECRET_ID).currentTimeStamp(now).expireTime(now + 600)
                .random(now % 100_000);
        if (oneTime) {
            b.oneTimeValid(true).random(now % 100_000 + 7);
        }
        return UploadSigner.sign(b.build(), SECRET_KEY);
    }

    private JsonNode ugc(Platform platform, String action, com.fasterxml.jackson.databind.node.ObjectNode body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url() + "/v3/index.php?Action=" + action))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
