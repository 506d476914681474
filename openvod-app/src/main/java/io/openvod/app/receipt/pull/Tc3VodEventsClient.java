package io.openvod.app.receipt.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.signature.Credential;
import io.openvod.signature.tc3.Tc3Signer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link VodEventsClient} over TencentCloud API 3.0 (event-protocol §10.3, §12): JSON POSTs to
 * {@code app.receipt.pull.endpoint} — Tencent's {@code https://vod.tencentcloudapi.com} or an
 * OpenVOD platform — signed with {@code TC3-HMAC-SHA256} by the app's active VOD key, with
 * {@code X-TC-Version 2018-07-17}, {@code X-TC-Region} when configured and {@code SubAppId} in
 * the body when not 0. An error envelope ({@code Response.Error}, HTTP 200) becomes a
 * {@link VodApiException} with its Code; the key itself is never logged or put in a message.
 */
public final class Tc3VodEventsClient implements VodEventsClient {
    static final String VERSION = "2018-07-17";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReceiptConfig.Pull config;
    private final Tc3Signer signer;
    private final Clock clock;
    private final URI uri;
    private final String host;
    private final HttpClient http;

    public Tc3VodEventsClient(ReceiptConfig.Pull config, Credential credential, Clock clock) {
        this.config = Objects.requireNonNull(config, "config == null");
        this.signer = new Tc3Signer(credential, "vod");
        this.clock = clock;
        URI endpoint = URI.create(config.endpoint());
        this.uri = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? endpoint.resolve("/") : endpoint;
        this.host = hostHeader(endpoint);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The Host header the JDK client sends: the port only when it is not the scheme's default. */
    private static String hostHeader(URI endpoint) {
        int port = endpoint.getPort();
        boolean defaultPort = port == -1 || (endpoint.getScheme().equals("https") && port == 443)
                || (endpoint.getScheme().equals("http") && port == 80);
        return defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    @Override
    public List<PulledEvent> pull() throws IOException, InterruptedException {
        JsonNode response = call("PullEvents", request());
        List<PulledEvent> events = new ArrayList<>();
        for (JsonNode event : response.path("EventSet")) {
            JsonNode handle = event.get("EventHandle");
            if (handle == null || !handle.isTextual() || handle.asText().isEmpty()) {
                throw new IOException("PullEvents answered an event without EventHandle (RequestId "
                        + response.path("RequestId").asText() + ")");
            }
            events.add(new PulledEvent(handle.asText(), event));
        }
        return events;
    }

    @Override
    public void confirm(List<String> handles) throws IOException, InterruptedException {
        if (handles.isEmpty() || handles.size() > MAX_HANDLES) {
            throw new IllegalArgumentException("ConfirmEvents takes 1 to " + MAX_HANDLES + " handles, not " + handles.size());
        }
        ObjectNode request = request();
        handles.forEach(request.putArray("EventHandles")::add);
        call("ConfirmEvents", request);
    }

    private ObjectNode request() {
        ObjectNode request = JSON.createObjectNode();
        if (config.subAppId() != 0) {
            request.put("SubAppId", config.subAppId());
        }
        return request;
    }

    /** One signed call; answers {@code Response}. */
    private JsonNode call(String action, ObjectNode request) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(request);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.timeout())
                .header("Content-Type", Tc3Signer.JSON_CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("Authorization", signer.signJsonPost(timestamp, host, body).authorization())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!config.region().isEmpty()) {
            builder.header("X-TC-Region", config.region());
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
        return "Tc3VodEventsClient[" + uri + ", subAppId=" + config.subAppId() + "]";
    }
}
