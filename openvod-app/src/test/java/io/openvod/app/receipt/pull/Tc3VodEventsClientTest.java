package io.openvod.app.receipt.pull;

import io.openvod.app.vod.VodApiException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.signature.Credential;
import io.openvod.signature.tc3.Tc3Signer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TC3 client against a local HTTP server that records what it is sent and answers as VOD would. */
class Tc3VodEventsClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Credential KEY = new Credential("AKIDpulltest00000000000000000000000", "pull-test-secret-key-0000000000");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private HttpServer server;
    private final List<Headers> headers = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            headers.add(exchange.getRequestHeaders());
            bodies.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Tc3VodEventsClient client(String region, long subAppId) {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return new Tc3VodEventsClient(new ReceiptConfig.Pull(true, endpoint, region, subAppId, Duration.ofSeconds(10)), KEY,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void pullSendsASignedRequestAndReadsTheEventSet() throws Exception {
        answer.set("""
                {"Response":{"EventSet":[{"EventHandle":"h1","EventType":"NewFileUpload","FileUploadEvent":{"FileId":"1"}},
                 {"EventHandle":"h2","EventType":"FileDeleted","FileDeleteEvent":{"FileIdSet":["2"]}}],"RequestId":"r-1"}}""");

        List<VodEventsClient.PulledEvent> events = client("ap-guangzhou", 1500000001L).pull();

        assertThat(events).extracting(VodEventsClient.PulledEvent::handle).containsExactly("h1", "h2");
        assertThat(events.getFirst().event().get("FileUploadEvent").get("FileId").asText()).isEqualTo("1");
        Headers sent = headers.getFirst();
        assertThat(sent.getFirst("X-TC-Action")).isEqualTo("PullEvents");
        assertThat(sent.getFirst("X-TC-Version")).isEqualTo("2018-07-17");
        assertThat(sent.getFirst("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(sent.getFirst("X-TC-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        assertThat(sent.getFirst("Content-Type")).isEqualTo(Tc3Signer.JSON_CONTENT_TYPE);
        byte[] body = JSON.writeValueAsBytes(bodies.getFirst());
        String expected = new Tc3Signer(KEY, "vod").signJsonPost(NOW.getEpochSecond(), "127.0.0.1:" + server.getAddress().getPort(),
                body).authorization();
        assertThat(sent.getFirst("Authorization")).isEqualTo(expected).startsWith("TC3-HMAC-SHA256 Credential=" + KEY.secretId() + "/");
        assertThat(bodies.getFirst().get("SubAppId").asLong()).isEqualTo(1500000001L);
    }

    @Test
    void anEmptyOrNullEventSetIsNoEvents() throws Exception {
        answer.set("{\"Response\":{\"EventSet\":[],\"RequestId\":\"r\"}}");
        assertThat(client("", 0).pull()).isEmpty();
        answer.set("{\"Response\":{\"EventSet\":null,\"RequestId\":\"r\"}}");
        assertThat(client("", 0).pull()).isEmpty();
        assertThat(headers.getFirst().containsKey("X-TC-Region")).as("no region configured, none sent").isFalse();
        assertThat(bodies.getFirst().has("SubAppId")).as("subAppId 0 sends none").isFalse();
    }

    @Test
    void confirmSendsTheHandles() throws Exception {
        answer.set("{\"Response\":{\"RequestId\":\"r-2\"}}");

        client("", 7).confirm(List.of("h1", "h2"));

        assertThat(headers.getFirst().getFirst("X-TC-Action")).isEqualTo("ConfirmEvents");
        assertThat(bodies.getFirst().toString()).isEqualTo("{\"SubAppId\":7,\"EventHandles\":[\"h1\",\"h2\"]}");
        assertThatThrownBy(() -> client("", 7).confirm(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorEnvelopeBecomesAnExceptionWithItsCodeAndNoKey() {
        answer.set("""
                {"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be validated."},
                 "RequestId":"ed93f3cb"}}""");

        assertThatThrownBy(() -> client("", 0).pull()).isInstanceOfSatisfying(VodApiException.class, e -> {
            assertThat(e.code()).isEqualTo("AuthFailure.SignatureFailure");
            assertThat(e.action()).isEqualTo("PullEvents");
            assertThat(e.requestId()).isEqualTo("ed93f3cb");
            assertThat(e.getMessage()).contains("AuthFailure.SignatureFailure", "could not be validated", "ed93f3cb")
                    .doesNotContain(KEY.secretKey());
        });
    }

    @Test
    void aStatusOtherThan200IsAnError() {
        status.set(502);
        answer.set("bad gateway");

        assertThatThrownBy(() -> client("", 0).confirm(List.of("h"))).isInstanceOfSatisfying(VodApiException.class,
                e -> assertThat(e.code()).isEqualTo("HttpStatus.502"));
    }

    @Test
    void anAnswerThatIsNotAnApiResponseIsAnIoError() {
        answer.set("{\"Result\":{}}");
        assertThatThrownBy(() -> client("", 0).pull()).isInstanceOf(IOException.class).hasMessageContaining("without Response");
        answer.set("{\"Response\":{\"EventSet\":[{\"EventType\":\"NewFileUpload\"}]}}");
        assertThatThrownBy(() -> client("", 0).pull()).isInstanceOf(IOException.class).hasMessageContaining("without EventHandle");
    }
}
