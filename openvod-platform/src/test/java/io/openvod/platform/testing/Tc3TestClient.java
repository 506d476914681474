package io.openvod.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.signature.Credential;
import io.openvod.signature.tc3.Tc3Signature;
import io.openvod.signature.tc3.Tc3Signer;
import io.openvod.testing.TestSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/** A small TencentCloud API 3.0 client for tests: signs JSON POSTs to a platform with TC3-HMAC-SHA256. */
public final class Tc3TestClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String url;
    private final Clock clock;

    /** One answer: the HTTP status, the {@code X-TC-RequestId} header and the parsed body. */
    public record Answer(int status, String requestIdHeader, JsonNode body) {
        /** {@code Response}. */
        public JsonNode response() {
            return body.get("Response");
        }

        /** {@code Response.Error.Code}, or null on success. */
        public String errorCode() {
            JsonNode error = response().get("Error");
            return error == null ? null : error.get("Code").asText();
        }
    }

    public Tc3TestClient(String url, Clock clock) {
        this.url = url;
        this.clock = clock;
    }

    /** Calls {@code action} signed by the fixture's key. */
    public Answer call(String action, String jsonBody) {
        return call(action, "2018-07-17", PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, clock.instant().getEpochSecond(), jsonBody);
    }

    /** Calls {@code action} signed by the fixture's key, with these further (unsigned) headers, e.g. {@code traceparent}. */
    public Answer call(String action, String jsonBody, java.util.Map<String, String> headers) {
        return call(action, "2018-07-17", PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, clock.instant().getEpochSecond(), jsonBody,
                headers);
    }

    public Answer call(String action, String version, String secretId, String secretKey, long timestamp, String jsonBody) {
        return call(action, version, secretId, secretKey, timestamp, jsonBody, java.util.Map.of());
    }

    private Answer call(String action, String version, String secretId, String secretKey, long timestamp, String jsonBody,
                        java.util.Map<String, String> headers) {
        TestSecrets.remember(secretKey);
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        String host = URI.create(url).getAuthority();
        Tc3Signature signature = new Tc3Signer(new Credential(secretId, secretKey), "vod").signJsonPost(timestamp, host, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/"))
                .header("Content-Type", Tc3Signer.JSON_CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", signature.authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (version != null) {
            request.header("X-TC-Version", version);
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Sends a request as it is (e.g. unsigned) and reads the answer. */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("X-TC-RequestId").orElse(null),
                    JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
