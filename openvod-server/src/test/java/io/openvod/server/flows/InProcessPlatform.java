package io.openvod.server.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.catalog.StoredEvent;
import io.openvod.platform.flow.TaskFlow;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.config.ConfigLoader;
import io.openvod.server.config.ConfigSources;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.platform.Platform;
import io.openvod.server.testing.ReviewSidecar;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;

/**
 * The platform as {@code openvod platform} wires it, in this JVM, for flow tests: a configuration
 * file with the fixture's key, whole uploads of a file with a signature, the upload's events, its
 * flow and {@code DescribeTaskDetail} over API 3.0. The review sidecar is found from the
 * working directory (the module's or the project's) unless {@code openvod.review.sidecar} is set.
 */
final class InProcessPlatform implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Platform platform;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Tc3TestClient api;

    private InProcessPlatform(Platform platform) {
        this.platform = platform;
        this.api = new Tc3TestClient(platform.url(), Clock.systemUTC());
    }

    /** Starts a platform on files in {@code dir}, with further {@code path=value} settings. */
    static InProcessPlatform start(Path dir, String... settings) throws IOException {
        ReviewSidecar.use();
        Path file = dir.resolve("openvod.yaml");
        Files.writeString(file, "keys:\n  - secretId: " + PlatformFixture.SECRET_ID + "\n    secretKey: "
                + PlatformFixture.SECRET_KEY + "\n");
        List<String> overrides = new ArrayList<>(List.of("platform.http.port=0",
                "platform.databaseUrl=jdbc:sqlite:" + dir.resolve("platform.db"), "platform.storage.path=" + dir.resolve("objects")));
        overrides.addAll(List.of(settings));
        OpenVodConfig config = new ConfigLoader().load(ConfigSources.resolve(file, dir, Map.of(), overrides));
        return new InProcessPlatform(Platform.start(config.platform(), config.signature(), config.keys(), Clock.systemUTC()));
    }

    Platform platform() {
        return platform;
    }

    /** Apply, one PUT, Commit of {@code file} as {@code name.type}; answers the Commit {@code data}. */
    JsonNode upload(Path file, String name, String type, UnaryOperator<SignatureParameters.Builder> signature) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        JsonNode apply = Uploads.data(ugc("ApplyUploadUGC", Uploads.applyBody(sign(signature), name, type, bytes.length).toString()));
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return Uploads.data(ugc("CommitUploadUGC", JSON.createObjectNode().put("signature", sign(UnaryOperator.identity()))
                .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString()));
    }

    /** The upload's stored events, oldest first. */
    List<StoredEvent> events(String fileId) {
        return platform.node().catalog().events(fileId);
    }

    /** The {@code ProcedureStateChangeEvent} of each ProcedureStateChanged event of the upload, oldest first. */
    List<JsonNode> procedureEvents(String fileId) throws IOException {
        List<JsonNode> bodies = new ArrayList<>();
        for (StoredEvent e : events(fileId)) {
            if (e.event().eventType().equals("ProcedureStateChanged")) {
                bodies.add(JSON.readTree(e.event().body()).get("ProcedureStateChangeEvent"));
            }
        }
        return bodies;
    }

    /** The flow's TaskId, from the upload's NewFileUpload event. */
    String taskIdOf(String fileId) throws IOException {
        StoredEvent upload = events(fileId).getFirst();
        assertThat(upload.event().eventType()).isEqualTo("NewFileUpload");
        String taskId = JSON.readTree(upload.event().body()).get("FileUploadEvent").get("ProcedureTaskId").asText();
        assertThat(taskId).as("the upload named a procedure, so it has a flow").isNotBlank();
        return taskId;
    }

    TaskFlow flow(String taskId) {
        return platform.node().flows().flows().find(taskId).orElseThrow();
    }

    /** Waits for the upload's FINISH ProcedureStateChanged event and answers its body. */
    JsonNode awaitFinish(String fileId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode event : procedureEvents(fileId)) {
                if (event.get("Status").asText().equals("FINISH")) {
                    return event;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no FINISH ProcedureStateChanged for " + fileId + " within " + timeout + "; the flow: "
                + platform.node().flows().flows().find(taskIdOf(fileId)));
    }

    /** {@code DescribeTaskDetail} over API 3.0, signed with the fixture's key; answers {@code Response}. */
    JsonNode describeTaskDetail(String taskId) {
        Tc3TestClient.Answer answer = api.call("DescribeTaskDetail", JSON.createObjectNode().put("TaskId", taskId).toString());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.errorCode()).as(answer.body().toString()).isNull();
        return answer.response();
    }

    private static String sign(UnaryOperator<SignatureParameters.Builder> customize) {
        long now = System.currentTimeMillis() / 1000;
        return UploadSigner.sign(customize.apply(SignatureParameters.builder().secretId(PlatformFixture.SECRET_ID)
                .currentTimeStamp(now).expireTime(now + 3600).random(ThreadLocalRandom.current().nextLong(1L << 32))).build(),
                PlatformFixture.SECRET_KEY);
    }

    private JsonNode ugc(String action, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platform.url() + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }
}
