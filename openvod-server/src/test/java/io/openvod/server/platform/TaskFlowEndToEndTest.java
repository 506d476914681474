package io.openvod.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.media.FfmpegTools;
import io.openvod.platform.media.MediaProbe;
import io.openvod.platform.media.TestClips;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform as {@code openvod platform} wires it, with the real FFmpeg steps: an upload whose
 * signature names {@code TranscodeCover} is transcoded and gets a cover, and ProcedureStateChanged
 * reports outputs that exist and play.
 */
class TaskFlowEndToEndTest {
    private static final String SECRET_ID = "AKIDFLOWTEST000000000000000000000000";
    private static final String SECRET_KEY = "flow-test-secret-key-00000000000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void anUploadWithAProcedureIsTranscodedAndGetsACover() throws Exception {
        Path clip = TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(3), 640, 480);
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "keys:\n  - secretId: " + SECRET_ID + "\n    secretKey: " + SECRET_KEY + "\n");
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects"))));
        try (Platform platform = Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC())) {
            byte[] bytes = Files.readAllBytes(clip);
            JsonNode apply = Uploads.data(ugc(platform, "ApplyUploadUGC", Uploads.applyBody(sign("TranscodeCover"), "clip", "mp4",
                    bytes.length).toString()));
            CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
            assertThat(cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of())
                    .statusCode()).isEqualTo(200);
            String fileId = Uploads.data(ugc(platform, "CommitUploadUGC", JSON.createObjectNode().put("signature", sign(null))
                    .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString())).get("fileId").asText();

            JsonNode task = awaitProcedureEvent(platform, fileId, Duration.ofSeconds(90)).get("ProcedureStateChangeEvent");
            assertThat(task.get("Status").asText()).isEqualTo("FINISH");
            List<JsonNode> results = new java.util.ArrayList<>();
            task.get("MediaProcessResultSet").forEach(results::add);
            assertThat(results).extracting(r -> r.get("Type").asText()).contains("Transcode", "CoverBySnapshot");
            for (JsonNode result : results) {
                JsonNode sub = result.get(result.get("Type").asText() + "Task");
                assertThat(sub.get("Status").asText()).as(result.toString()).isEqualTo("SUCCESS");
            }
            JsonNode transcode = results.stream().filter(r -> r.get("Type").asText().equals("Transcode")).findFirst().orElseThrow()
                    .get("TranscodeTask").get("Output");
            Path fetched = dir.resolve("fetched.mp4");
            HttpResponse<Path> get = http.send(HttpRequest.newBuilder(URI.create(transcode.get("Url").asText())).build(),
                    HttpResponse.BodyHandlers.ofFile(fetched));
            assertThat(get.statusCode()).isEqualTo(200);
            var meta = new MediaProbe(FfmpegTools.bundled()).probe(fetched);
            assertThat(meta.height()).isEqualTo(transcode.get("Height").asInt());
            assertThat(meta.videoStreams().getFirst().codec()).isEqualTo("h264");
            assertThat(meta.duration()).isBetween(2.5f, 3.5f);
            assertThat(platform.node().catalog().find(fileId).orElseThrow().coverUrl()).isNotEmpty();
        }
    }

    private static JsonNode awaitProcedureEvent(Platform platform, String fileId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<StoredEvent> event = platform.node().catalog().events(fileId).stream()
                    .filter(e -> e.event().eventType().equals("ProcedureStateChanged")).findFirst();
            if (event.isPresent()) {
                return JSON.readTree(event.get().event().body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no ProcedureStateChanged for " + fileId + " within " + timeout);
    }

    private static String sign(String procedure) {
        long now = Instant.now().getEpochSecond();
        SignatureParameters.Builder b = SignatureParameters.builder().secretId(SECRET_ID).currentTimeStamp(now).expireTime(now + 600)
                .random(System.nanoTime() & 0xFFFFFFL);
        if (procedure != null) {
            b.procedure(procedure);
        }
        return UploadSigner.sign(b.build(), SECRET_KEY);
    }

    private JsonNode ugc(Platform platform, String action, String body) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(platform.url() + "/v3/index.php?Action=" + action))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
