package io.openvod.app.vod;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * A TencentCloud API 3.0 client for VOD (event-protocol §12): JSON POSTs to an endpoint —
 * Tencent's {@code https://vod.tencentcloudapi.com} or an OpenVOD platform — signed with
 * {@code TC3-HMAC-SHA256}, {@code X-TC-Version 2018-07-17}, {@code X-TC-Region} when given. An
 * error envelope ({@code Response.Error}, HTTP 200) or another status becomes a
 * {@link VodApiException} with its Code; the key never appears in a message.
 */
public final class VodApi {
    static final String VERSION = "2018-07-17";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Tc3Signer signer;
    private final Clock clock;
    private final URI uri;
    private final String host;
    private final String region;
    private final Duration timeout;
    private final HttpClient http;

    public VodApi(String endpoint, String region, Duration timeout, Credential credential, Clock clock) {
        this.signer = new Tc3Signer(credential, "vod");
        this.clock = clock;
        URI parsed = URI.create(endpoint);
        this.uri = parsed.getRawPath() == null || parsed.getRawPath().isEmpty() ? parsed.resolve("/") : parsed;
        this.host = hostHeader(parsed);
        this.region = region == null ? "" : region;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The Host header the JDK client sends: the port only when it is not the scheme's default. */
    private static String hostHeader(URI endpoint) {
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || (endpoint.getScheme().equals("https") && port == 443)
                || (endpoint.getScheme().equals("http") && port == 80);
        return defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    /** A new request body. */
    public static ObjectNode request() {
        return JSON.createObjectNode();
    }

    /** One signed call; answers {@code Response}. */
    public JsonNode call(String action, ObjectNode request) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(request);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", Tc3Signer.JSON_CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", signer.signJsonPost(timestamp, host, body).authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!region.isEmpty()) {
            builder.header("X-TC-Region", region);
        }
        HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new VodApiException(action, "HttpStatus." + response.statusCode(), "VOD at " + uri + " answered HTTP "
                    + response.statusCode(), response.headers().firstValue("X-TC-RequestId").orElse(""));
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException(action + " answered a body that is not JSON");
        }
        JsonNode inner = answer == null ? null : answer.get("Response");
        if (inner == null || !inner.isObject()) {
            throw new IOException(action + " answered JSON without Response");
        }
        JsonNode error = inner.get("Error");
        if (error != null && error.isObject()) {
            throw new VodApiException(action, error.path("Code").asText("(no Code)"), error.path("Message").asText(""),
                    inner.path("RequestId").asText(""));
        }
        return inner;
    }

    @Override
    public String toString() {
        return "VodApi[" + uri + "]";
    }
}
