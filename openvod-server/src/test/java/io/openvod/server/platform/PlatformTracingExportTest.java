package io.openvod.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import io.openvod.testing.OtlpCollector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform as {@code openvod platform} assembles it exports its steps where {@code tracing:}
 * says: an Apply's step reaches an OTLP/HTTP collector on loopback, in the trace its signature's
 * {@code sourceContext} names.
 */
class PlatformTracingExportTest {
    private static final String SECRET_ID = "AKIDTRACETEST00000000000000000000000";
    private static final String SECRET_KEY = "trace-test-secret-key-0000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theNodesStepsAreExportedToTheConfiguredCollector() throws Exception {
        try (OtlpCollector collector = OtlpCollector.start()) {
            Path file = dir.resolve("openvod.yaml");
            Files.writeString(file, "keys:\n  - secretId: " + SECRET_ID + "\n    secretKey: " + SECRET_KEY + "\n");
            OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of("platform.http.port=0",
                    "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"),
                    "tracing.otlpEndpoint=" + collector.endpoint())));
            String request = UUID.randomUUID().toString();
            try (Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), config.tracing().tracing(),
                    Clock.systemUTC())) {
                JsonNode apply = apply(platform.url(), sign("uid=erin&req=" + request));
                assertThat(apply.get("code").asInt()).as(apply.toString()).isZero();
                Uploads.data(apply);
            } // closing the node sends what is left
            assertThat(collector.awaitTraces(Duration.ofSeconds(10), request.replace("-", ""))).as("the trace id").isTrue();
            assertThat(collector.exported()).as("the Apply step's name and the service name").contains("ApplyUploadUGC", "openvod-platform");
        }
    }

    private static String sign(String sourceContext) {
        long now = System.currentTimeMillis() / 1000;
        return UploadSigner.sign(SignatureParameters.builder().secretId(SECRET_ID).currentTimeStamp(now).expireTime(now + 600)
                .random(now).sourceContext(sourceContext).build(), SECRET_KEY);
    }

    private static JsonNode apply(String url, String signature) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                        + "/v3/index.php?Action=ApplyUploadUGC"))
                .POST(HttpRequest.BodyPublishers.ofString(Uploads.applyBody(signature, "clip", "mp4", 3).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
