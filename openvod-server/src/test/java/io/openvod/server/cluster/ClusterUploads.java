package io.openvod.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.signature.Credential;
import io.openvod.testing.TestSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads spread over the nodes of a cluster: each request of one upload goes to the next node in
 * turn, so an upload is applied on one node, its bytes stored through others and committed on yet
 * another. Signatures come from the app nodes in turn.
 */
final class ClusterUploads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<String> platforms;
    private final List<String> apps;
    private final String password;
    private final AtomicInteger nextPlatform = new AtomicInteger();
    private final AtomicInteger nextApp = new AtomicInteger();

    ClusterUploads(List<String> platforms, List<String> apps, String password) {
        this.platforms = List.copyOf(platforms);
        this.apps = List.copyOf(apps);
        this.password = password;
    }

    /** ApplyUploadUGC, one PUT Object and CommitUploadUGC, each on a node of its own; answers the FileId. */
    String ugcSimple(String user, byte[] video) throws Exception {
        String apply = platform();
        JsonNode data = ugc(apply, "ApplyUploadUGC", Uploads.applyBody(signature(user), "simple", "mp4", video.length).toString());
        CosTestClient cos = CosTestClient.forApply(platform(), data);
        var put = cos.put(CosTestClient.key(data.get("video").get("storagePath").asText()), video, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return commitUgc(user, data);
    }

    /** ApplyUploadUGC, then a COS multipart upload whose initiate, parts and complete go to different nodes, then CommitUploadUGC. */
    String ugcMultipart(String user, byte[] video, int partSize) throws Exception {
        JsonNode data = ugc(platform(), "ApplyUploadUGC", Uploads.applyBody(signature(user), "multipart", "mp4", video.length).toString());
        String key = CosTestClient.key(data.get("video").get("storagePath").asText());
        String uploadId = CosTestClient.forApply(platform(), data).initiate(key);
        List<String> etags = new ArrayList<>();
        for (int offset = 0, n = 1; offset < video.length; offset += partSize, n++) {
            byte[] part = Arrays.copyOfRange(video, offset, Math.min(video.length, offset + partSize));
            var put = CosTestClient.forApply(platform(), data).putPart(key, uploadId, n, part);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            etags.add(put.headers().firstValue("ETag").orElseThrow());
        }
        var complete = CosTestClient.forApply(platform(), data).complete(key, uploadId, Uploads.completeXml(etags));
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
        return commitUgc(user, data);
    }

    /** The server-side upload of API 3.0: ApplyUpload (naming {@code procedure}), PUT Object, CommitUpload, each on a node of its own. */
    String serverSide(String procedure, byte[] video) {
        JsonNode apply = api(platform(), "ApplyUpload", JSON.createObjectNode().put("MediaType", "mp4").put("MediaName", "server")
                .put("Procedure", procedure).toString());
        JsonNode cert = apply.get("TempCertificate");
        TestSecrets.remember(cert.get("SecretKey").asText());
        TestSecrets.remember(cert.get("Token").asText());
        long now = System.currentTimeMillis() / 1000;
        CosTestClient cos = new CosTestClient(platform(), apply.get("StorageBucket").asText(),
                new Credential(cert.get("SecretId").asText(), cert.get("SecretKey").asText()), cert.get("Token").asText(),
                now - 60, cert.get("ExpiredTime").asLong());
        var put = cos.put(CosTestClient.key(apply.get("MediaStoragePath").asText()), video, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode commit = api(platform(), "CommitUpload", JSON.createObjectNode()
                .put("VodSessionKey", apply.get("VodSessionKey").asText()).toString());
        return commit.get("FileId").asText();
    }

    /** An API 3.0 action on the next node; fails the test on an error answer. */
    JsonNode api(String action, String body) {
        return api(platform(), action, body);
    }

    private static JsonNode api(String node, String action, String body) {
        Tc3TestClient.Answer answer = new Tc3TestClient(node, Clock.systemUTC()).call(action, body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.response().has("Error")).as(answer.body().toString()).isFalse();
        return answer.response();
    }

    private String commitUgc(String user, JsonNode apply) throws Exception {
        JsonNode commit = ugc(platform(), "CommitUploadUGC", JSON.createObjectNode().put("signature", signature(user))
                .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString());
        return commit.get("fileId").asText();
    }

    /** A one-time upload signature for {@code user}, from the next app node (signed in there). */
    private String signature(String user) throws Exception {
        String app = apps.get(Math.floorMod(nextApp.getAndIncrement(), apps.size()));
        JsonNode login = send(HttpRequest.newBuilder(URI.create(app + "/api/v1/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")).build());
        String session = TestSecrets.remember(login.path("data").path("token").asText());
        JsonNode signed = send(HttpRequest.newBuilder(URI.create(app + "/api/v1/upload-signature"))
                .header("Authorization", "Bearer " + session).GET().build());
        assertThat(signed.path("code").asInt(-1)).as(signed.toString()).isZero();
        return signed.path("data").path("signature").asText();
    }

    private JsonNode ugc(String node, String action, String body) throws Exception {
        return Uploads.data(send(HttpRequest.newBuilder(URI.create(node + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build()));
    }

    private static JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(request.uri() + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String platform() {
        return platforms.get(Math.floorMod(nextPlatform.getAndIncrement(), platforms.size()));
    }
}
