package io.openvod.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.bench.upload.CosClient;
import io.openvod.signature.Credential;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import io.openvod.signature.cos.CosKeyTime;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whole small uploads as a UGC client makes them, spread over the nodes: an upload signature signed
 * locally with the API key, ApplyUploadUGC on one node, one PUT Object of the body with the
 * temporary COS credentials on the next, CommitUploadUGC on the one after (each request of an
 * upload goes to the next node in turn). No procedure: no task flow follows.
 */
final class UploadClient {
    /** An upload that failed; {@link #getMessage()} names the request and the status or error, e.g. {@code PUT Object HTTP 403}. */
    static final class UploadFailure extends Exception {
        UploadFailure(String what) {
            super(what, null, false, false);
        }
    }

    /**
     * A committed upload: its FileId and the wall time of each request, in nanoseconds.
     *
     * @param apply  signing and ApplyUploadUGC
     * @param put    PUT Object
     * @param commit signing and CommitUploadUGC
     */
    record Upload(String fileId, long apply, long put, long commit) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final List<String> nodes;
    private final String secretId;
    private final String secretKey;
    private final byte[] body;
    private final Duration timeout;

    /** Uploads {@code body} to {@code nodes} (base URLs without a trailing slash), signing with the API key {@code secretId}. */
    UploadClient(HttpClient http, List<String> nodes, String secretId, String secretKey, byte[] body, Duration timeout) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes");
        }
        this.http = http;
        this.nodes = List.copyOf(nodes);
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.body = body;
        this.timeout = timeout;
    }

    /** An HTTP/1.1 client for the uploads. */
    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One whole upload whose requests go to nodes {@code first}, {@code first + 1} and {@code first + 2} (modulo their number). */
    Upload upload(int first) throws UploadFailure, InterruptedException {
        long t0 = System.nanoTime();
        ObjectNode applyBody = JSON.createObjectNode().put("signature", signature()).put("videoName", "cluster-bench")
                .put("videoType", "mp4").put("videoSize", body.length);
        JsonNode apply = ugc(node(first), "ApplyUploadUGC", applyBody);
        JsonNode cert = apply.path("tempCertificate");
        CosClient cos = new CosClient(http, node(first + 1), apply.path("storageBucket").asText() + "-" + apply.path("storageAppId").asLong(),
                new Credential(cert.path("secretId").asText(), cert.path("secretKey").asText()), cert.path("token").asText(),
                new CosKeyTime(apply.path("timestamp").asLong() - 60, cert.path("expiredTime").asLong()), timeout);
        String storagePath = apply.path("video").path("storagePath").asText();
        String key = storagePath.startsWith("/") ? storagePath.substring(1) : storagePath;
        long t1 = System.nanoTime();
        int status;
        try {
            status = cos.putObject(key, body).statusCode();
        } catch (IOException e) {
            throw new UploadFailure("PUT Object " + e.getClass().getSimpleName());
        }
        if (status != 200) {
            throw new UploadFailure("PUT Object HTTP " + status);
        }
        long t2 = System.nanoTime();
        ObjectNode commitBody = JSON.createObjectNode().put("signature", signature()).put("vodSessionKey", apply.path("vodSessionKey").asText());
        String fileId = ugc(node(first + 2), "CommitUploadUGC", commitBody).path("fileId").asText("");
        if (fileId.isEmpty()) {
            throw new UploadFailure("CommitUploadUGC without a fileId");
        }
        long t3 = System.nanoTime();
        return new Upload(fileId, t1 - t0, t2 - t1, t3 - t2);
    }

    private String node(int i) {
        return nodes.get(Math.floorMod(i, nodes.size()));
    }

    private String signature() {
        long now = Instant.now().getEpochSecond();
        return UploadSigner.sign(SignatureParameters.builder().secretId(secretId).currentTimeStamp(now).expireTime(now + 3600)
                .random(ThreadLocalRandom.current().nextLong(1L << 32)).build(), secretKey);
    }

    /** Calls a UGC action and answers its {@code data}; fails unless the answer is a 200 with {@code code} 0. */
    private JsonNode ugc(String node, String action, ObjectNode request) throws UploadFailure, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(node + "/v3/index.php?Action=" + action)).timeout(timeout)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UploadFailure(action + " " + e.getClass().getSimpleName());
        }
        if (response.statusCode() != 200) {
            throw new UploadFailure(action + " HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UploadFailure(action + " answered no JSON");
        }
        int code = answer.path("code").asInt(-1);
        if (code != 0) {
            throw new UploadFailure(action + " code " + code);
        }
        return answer.path("data");
    }
}
