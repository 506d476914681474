package io.openvod.platform.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openvod.core.Secret;
import io.openvod.platform.flow.StepFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP reviewer against a scripted classification service on 127.0.0.1. */
class HttpContentReviewerTest {
    static final String TOKEN = "review-token-s3cr3t";
    static final String NSFWJS_ANSWER = "[{\"className\":\"Porn\",\"probability\":0.81},{\"className\":\"Hentai\",\"probability\":0.02},"
            + "{\"className\":\"Sexy\",\"probability\":0.12},{\"className\":\"Neutral\",\"probability\":0.04},"
            + "{\"className\":\"Drawing\",\"probability\":0.01}]";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String method, String path, String contentType, String authorization, byte[] body) {
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI serve(int status, String body) throws IOException {
        return serve(exchange -> answer(exchange, status, body));
    }

    private URI serve(Consumer<HttpExchange> handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/classify", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"), body));
            handler.accept(exchange);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/classify");
    }

    private static void answer(HttpExchange exchange, int status, String body) {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path frame(String name) throws IOException {
        return Files.write(dir.resolve(name), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, name.getBytes()[0], (byte) 0xFF, (byte) 0xD9});
    }

    private static void assertFailure(StepFailure f, String code, boolean retryable) {
        assertThat(f.errCodeExt()).isEqualTo(code);
        assertThat(f.retryable()).isEqualTo(retryable);
        assertThat(f.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void framesShouldBePostedAsJpegWithTheBearerTokenAndScoredFromTheAnswer() throws Exception {
        URI url = serve(200, NSFWJS_ANSWER);
        Path a = frame("a.jpg");
        Path b = frame("b.jpg");
        try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofSeconds(5), Secret.of(TOKEN))) {
            List<FrameScores> scores = reviewer.classify(List.of(a, b));
            assertThat(scores).hasSize(2);
            assertThat(scores.getFirst().porn()).isEqualTo(0.81);
            assertThat(scores.getFirst().sexy()).isEqualTo(0.12);
            assertThat(scores.getFirst().probability(FrameScores.NEUTRAL)).isEqualTo(0.04);
        }
        assertThat(received).hasSize(2);
        Received first = received.getFirst();
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.path()).isEqualTo("/classify");
        assertThat(first.contentType()).isEqualTo("image/jpeg");
        assertThat(first.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(first.body()).isEqualTo(Files.readAllBytes(a));
        assertThat(received.get(1).body()).isEqualTo(Files.readAllBytes(b));
    }

    @Test
    void predictionsObjectShouldBeAcceptedAndNoTokenMeansNoAuthorizationHeader() throws Exception {
        URI url = serve(200, "{\"predictions\":" + NSFWJS_ANSWER.replace("0.81", "0.3").replace("0.02", "0.55") + "}");
        try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofSeconds(5), null)) {
            FrameScores scores = reviewer.classify(List.of(frame("a.jpg"))).getFirst();
            assertThat(scores.porn()).isEqualTo(0.55);
        }
        assertThat(received.getFirst().authorization()).isNull();
    }

    @Test
    void badRequestShouldBeInvalidInputAndNotRetried() throws Exception {
        URI url = serve(400, "{\"error\":\"cannot decode the image\"}");
        try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofSeconds(5), Secret.of(TOKEN))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(frame("a.jpg"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertFailure(f, ContentReviewer.INVALID_INPUT, false))
                    .hasMessageContaining("a.jpg").hasMessageContaining("cannot decode the image");
        }
    }

    @Test
    void serverErrorShouldBeUnavailableAndRetriedNamingTheUrlWithoutItsQuery() throws Exception {
        URI url = URI.create(serve(503, "busy") + "?key=query-secret");
        try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofSeconds(5), Secret.of(TOKEN))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(frame("a.jpg"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertFailure(f, ContentReviewer.UNAVAILABLE, true))
                    .hasMessageContaining("http://127.0.0.1:" + server.getAddress().getPort() + "/classify")
                    .hasMessageContaining("503")
                    .hasMessageNotContaining("query-secret");
        }
    }

    @Test
    void refusedConnectionShouldBeUnavailableAndRetried() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/classify");
        try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofSeconds(5), Secret.of(TOKEN))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(frame("a.jpg"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertFailure(f, ContentReviewer.UNAVAILABLE, true))
                    .hasMessageContaining(url.toString());
        }
    }

    @Test
    void answerNotWithinTheTimeoutShouldBeUnavailableAndRetried() throws Exception {
        URI url = serve(exchange -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, NSFWJS_ANSWER);
        });
        try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofMillis(300), Secret.of(TOKEN))) {
            assertThatThrownBy(() -> reviewer.classify(List.of(frame("a.jpg"))))
                    .isInstanceOfSatisfying(StepFailure.class, f -> assertFailure(f, ContentReviewer.UNAVAILABLE, true))
                    .hasMessageContaining("within 300 ms");
        }
    }

    @Test
    void answersThatAreNotScoresShouldBeUnavailable() throws Exception {
        for (String garbage : List.of("<html>oops</html>", "{}", "[]", "{\"predictions\":{}}",
                "[{\"className\":\"Porn\",\"probability\":\"high\"}]", "[{\"probability\":0.5}]")) {
            received.clear();
            URI url = serve(200, garbage);
            try (HttpContentReviewer reviewer = new HttpContentReviewer(url, Duration.ofSeconds(5), Secret.of(TOKEN))) {
                assertThatThrownBy(() -> reviewer.classify(List.of(frame("a.jpg"))))
                        .as(garbage)
                        .isInstanceOfSatisfying(StepFailure.class, f -> assertFailure(f, ContentReviewer.UNAVAILABLE, true))
                        .hasMessageContaining(url.toString());
            } finally {
                server.stop(0);
                server = null;
            }
        }
    }
}
