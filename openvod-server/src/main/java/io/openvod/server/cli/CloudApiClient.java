package io.openvod.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.signature.Credential;
import io.openvod.signature.tc3.Tc3Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * A TencentCloud API 3.0 client for the CLI: JSON POSTs to a platform (or Tencent's
 * {@code vod.tencentcloudapi.com}), signed with {@code TC3-HMAC-SHA256}, version
 * {@code 2018-07-17}. An error answer becomes an {@link OpenVodException}:
 * {@code ResourceNotFound.*} is {@code NOT_FOUND} (exit 4), {@code AuthFailure.*} and the
 * parameter errors are {@code INVALID_ARGUMENT} (exit 2), an unreachable platform or a
 * {@code RequestLimitExceeded}/{@code InternalError} is {@code UNAVAILABLE} (exit 7). The secret key
 * is never put in a message.
 */
final class CloudApiClient {
    static final String VERSION = "2018-07-17";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final String host;
    private final Tc3Signer signer;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    CloudApiClient(String endpoint, Credential credential, Clock clock) {
        URI parsed;
        try {
            parsed = URI.create(endpoint.strip());
        } catch (IllegalArgumentException e) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--platform '" + endpoint + "' is not a URL");
        }
        if (parsed.getHost() == null || !("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, "--platform '" + endpoint + "' is not an http(s) URL");
        }
        this.uri = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? parsed.resolve("/") : parsed;
        int port = parsed.getPort();
        boolean defaultPort = port == -1 || ("https".equals(parsed.getScheme()) && port == 443)
                || ("http".equals(parsed.getScheme()) && port == 80);
        this.host = defaultPort ? parsed.getHost() : parsed.getHost() + ":" + port;
        this.signer = new Tc3Signer(credential, "vod");
        this.clock = clock;
    }

    /** Calls {@code action}; answers {@code Response} (with its RequestId) or throws as described above. */
    JsonNode call(String action, ObjectNode request) {
        try {
            byte[] body = JSON.writeValueAsBytes(request);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest http = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", Tc3Signer.JSON_CONTENT_TYPE)
                    .header("X-TC-Action", action)
                    .header("X-TC-Version", VERSION)
                    .header("X-TC-Timestamp", Long.toString(timestamp))
                    .header("Authorization", signer.signJsonPost(timestamp, host, body).authorization())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<byte[]> response = this.http.send(http, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new OpenVodException(CommonError.UNAVAILABLE, action + ": " + uri + " answered HTTP " + response.statusCode());
            }
            JsonNode answer = JSON.readTree(response.body());
            JsonNode inner = answer == null ? null : answer.get("Response");
            if (inner == null || !inner.isObject()) {
                throw new OpenVodException(CommonError.UNAVAILABLE, action + ": " + uri + " answered JSON without Response");
            }
            JsonNode error = inner.get("Error");
            if (error != null && error.isObject()) {
                String code = error.path("Code").asText("");
                throw new OpenVodException(kind(code), action + ": " + code + ": " + error.path("Message").asText("")
                        + " (RequestId " + inner.path("RequestId").asText("") + ")");
            }
            return inner;
        } catch (IOException e) {
            throw new OpenVodException(CommonError.UNAVAILABLE, action + ": cannot reach " + uri + " (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenVodException(CommonError.UNAVAILABLE, action + ": interrupted", e);
        }
    }

    private static CommonError kind(String code) {
        if (code.startsWith("ResourceNotFound")) {
            return CommonError.NOT_FOUND;
        }
        if (code.startsWith("AuthFailure") || code.startsWith("InvalidParameter") || code.startsWith("MissingParameter")
                || code.startsWith("UnsupportedOperation") || code.equals("InvalidAction")) {
            return CommonError.INVALID_ARGUMENT;
        }
        return code.equals("RequestLimitExceeded") || code.equals("InternalError") ? CommonError.UNAVAILABLE : CommonError.INTERNAL;
    }

    @Override
    public String toString() {
        return "CloudApiClient[" + uri + "]";
    }
}
