package io.openvod.app.auth.jwt;

import io.openvod.app.testing.MutableClock;
import static io.openvod.app.auth.jwt.JwtTestKeys.EC;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA;
import static io.openvod.app.auth.jwt.JwtTestKeys.RSA_2;
import static io.openvod.app.auth.jwt.JwtTestKeys.ecJwk;
import static io.openvod.app.auth.jwt.JwtTestKeys.jwks;
import static io.openvod.app.auth.jwt.JwtTestKeys.rsaJwk;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching, caching and failure handling of the HTTP key source. */
class HttpJwksSourceTest {
    private final MutableClock clock = new MutableClock(JwtMinter.NOW);
    private JwksTestServer server;
    private HttpJwksSource source;

    @BeforeEach
    void start() throws Exception {
        server = new JwksTestServer().serve(jwks(rsaJwk(RSA, "r1", ""), ecJwk(EC, "e1", "")));
        source = new HttpJwksSource(server.uri(), Duration.ofMinutes(10), Duration.ofSeconds(2), clock);
    }

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    @Test
    void keysShouldBeFetchedOnFirstUseAndCachedForTheTtl() {
        assertThat(server.requests()).isZero();
        assertThat(source.keys()).hasValueSatisfying(set -> assertThat(set.keys()).hasSize(2));
        clock.advance(Duration.ofMinutes(9));
        source.keys();
        assertThat(server.requests()).isEqualTo(1);
        server.serve(jwks(rsaJwk(RSA_2, "r2", "")));
        clock.advance(Duration.ofMinutes(1));
        assertThat(source.keys()).hasValueSatisfying(set -> assertThat(set.withKid("r2")).hasSize(1));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void refreshShouldFetchAtMostOncePer30Seconds() {
        source.keys();
        source.refresh();
        assertThat(server.requests()).isEqualTo(1);
        clock.advance(HttpJwksSource.MIN_FETCH_INTERVAL);
        source.refresh();
        source.refresh();
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void oversizedResponsesShouldBeRefusedAndTheLastGoodSetKept() {
        source.keys();
        String padding = " ".repeat(HttpJwksSource.MAX_RESPONSE_BYTES);
        server.serve(jwks(rsaJwk(RSA_2, "r2", "")) + padding);
        clock.advance(Duration.ofMinutes(11));
        assertThat(source.keys()).hasValueSatisfying(set -> assertThat(set.withKid("r1")).hasSize(1));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void redirectsShouldNotBeFollowed() {
        server.answer(302, new byte[0], "http://127.0.0.1:1/elsewhere");
        assertThat(source.keys()).isEmpty();
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void fetchesThatTakeTooLongShouldTimeOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slow.createContext("/jwks", exchange -> {
            byte[] body = jwks(rsaJwk(RSA, "r1", "")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body, 0, 10);
            exchange.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        slow.setExecutor(Executors.newCachedThreadPool());
        slow.start();
        URI uri = URI.create("http://127.0.0.1:" + slow.getAddress().getPort() + "/jwks");
        try (HttpJwksSource dripping = new HttpJwksSource(uri, Duration.ofMinutes(10), Duration.ofMillis(300), clock)) {
            long started = System.nanoTime();
            assertThat(dripping.keys()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void aSourceWithoutKeysShouldAnswerEmpty() {
        assertThat(JwksSource.none().keys()).isEqualTo(Optional.empty());
        assertThat(JwksSource.none().refresh()).isEqualTo(Optional.empty());
    }

    @Test
    void toStringShouldNotShowTheQuery() {
        try (HttpJwksSource withToken = new HttpJwksSource(URI.create("https://idp.example.com/keys?api_key=hunter2"),
                Duration.ofMinutes(10), Duration.ofSeconds(1), clock)) {
            assertThat(withToken.toString()).contains("idp.example.com/keys").doesNotContain("hunter2");
        }
    }
}
