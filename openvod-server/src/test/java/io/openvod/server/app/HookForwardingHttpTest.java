package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.openvod.app.config.AppConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.receipt.ForwardStatus;
import io.openvod.app.videos.VideoState;
import io.openvod.core.Secret;
import io.openvod.signature.webhook.StandardWebhooks;
import io.openvod.signature.webhook.WebhookVerdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarding processed events to the app's hook ({@code app.receipt.forward}) over real HTTP, to
 * a hook on 127.0.0.1: the body as received with the OpenVOD headers and a Standard Webhooks
 * signature, retries with backoff until the hook recovers, and {@code DEAD} after maxAttempts.
 */
class HookForwardingHttpTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String FILE_ID = "5285890800000000101";

    /** One request the hook received, and what it answered. */
    record Hit(Instant at, Map<String, List<String>> headers, String body, int status) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    @TempDir
    Path dir;
    HttpServer hook;
    AppBackend backend;
    final List<Hit> hits = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    volatile Duration hookDelay = Duration.ZERO;

    @BeforeEach
    void startHook() throws IOException {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        hook.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(hookDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
            hits.add(new Hit(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
        hook.stop(0);
    }

    private URI start(List<String> secrets, Duration timeout, int maxAttempts) {
        String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook?token=hook-secret-in-the-url";
        ReceiptConfig receipt = new ReceiptConfig(null, List.of(), Duration.ofMinutes(5), 1_048_576, ReceiptConfig.Pull.defaults(),
                new ReceiptConfig.Forward(url, secrets.stream().map(Secret::of).toList(), timeout, maxAttempts), List.of("moderator"));
        AppConfig base = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null,
                -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
        backend = AppBackend.start(new AppConfig(base.http(), base.database(), base.vod(), base.auth(), base.policy(),
                base.rateLimit(), receipt), Clock.systemUTC());
        return backend.url();
    }

    private ForwardStatus awaitForward(String eventId, String state, Duration timeout) throws InterruptedException {
        VodEventBodies.await("event " + eventId + " to be " + state, timeout, () ->
                backend.services().receivedEvents().forwardStatus(eventId).map(s -> s.state().equals(state)).orElse(false));
        return backend.services().receivedEvents().forwardStatus(eventId).orElseThrow();
    }

    @Test
    void aHookThatFailsTwiceGetsTheSignedEventOnceItRecovers() throws Exception {
        failuresLeft.set(2);
        URI base = start(List.of(SECRET), Duration.ofSeconds(5), 5);
        String body = VodEventBodies.plainUpload(FILE_ID, "alice");
        AppFixture.Reply pushed = VodEventBodies.push(base, body);
        assertThat(pushed.status()).isEqualTo(200);
        String eventId = pushed.body().path("data").path("id").asText();

        ForwardStatus sent = awaitForward(eventId, "SENT", Duration.ofSeconds(20));
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(hits).extracting(Hit::status).containsExactly(503, 503, 204);
        assertThat(Duration.between(hits.get(0).at(), hits.get(1).at())).as("the first retry waits 1 s or more")
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Duration.between(hits.get(1).at(), hits.get(2).at())).as("the second waits 2 s or more")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1900));

        Hit delivered = hits.getLast();
        assertThat(delivered.body()).isEqualTo(body);
        assertThat(delivered.header("Content-Type")).isEqualTo("application/json");
        assertThat(delivered.header("X-OpenVOD-Event-Type")).isEqualTo("NewFileUpload");
        assertThat(delivered.header("X-OpenVOD-File-Id")).isEqualTo(FILE_ID);
        assertThat(delivered.header("X-OpenVOD-Video-State")).isEqualTo("published");
        assertThat(hits).extracting(h -> h.header("webhook-id")).as("one id on every attempt").containsOnly(eventId);
        WebhookVerdict verdict = StandardWebhooks.fromSecrets(List.of(SECRET)).verify(delivered.header("webhook-id"),
                delivered.header("webhook-timestamp"), delivered.header("webhook-signature"),
                delivered.body().getBytes(StandardCharsets.UTF_8), Instant.now(), Duration.ofMinutes(5));
        assertThat(verdict).isEqualTo(WebhookVerdict.VALID);
        assertThat(StandardWebhooks.fromSecrets(List.of(SECRET)).verify(delivered.header("webhook-id"),
                delivered.header("webhook-timestamp"), delivered.header("webhook-signature"),
                body.replace("alice", "mallory").getBytes(StandardCharsets.UTF_8), Instant.now(), Duration.ofMinutes(5)))
                .as("the signature covers the body").isNotEqualTo(WebhookVerdict.VALID);

        Thread.sleep(1500);
        assertThat(hits).as("delivered once, not again").hasSize(3);
    }

    @Test
    void aHookThatNeverAnswersInTimeLeavesTheEventDeadWithoutHoldingUpReceipts() throws Exception {
        hookDelay = Duration.ofSeconds(3);
        URI base = start(List.of(), Duration.ofMillis(500), 3);
        AppFixture.Reply pushed = VodEventBodies.push(base, VodEventBodies.plainUpload(FILE_ID, "alice"));
        String eventId = pushed.body().path("data").path("id").asText();
        VodEventBodies.await("the first attempt to start", Duration.ofSeconds(10), () ->
                backend.services().receivedEvents().forwardStatus(eventId).map(s -> s.attempts() >= 1).orElse(false));

        long before = System.nanoTime();
        String other = "5285890800000000102";
        assertThat(VodEventBodies.push(base, VodEventBodies.plainUpload(other, "bob")).status()).isEqualTo(200);
        VodEventBodies.await("the second event to be processed", Duration.ofSeconds(2), () ->
                backend.services().videos().find(other).map(v -> v.state() == VideoState.PUBLISHED).orElse(false));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("receipts go on while the hook hangs")
                .isLessThan(Duration.ofSeconds(2));

        ForwardStatus dead = awaitForward(eventId, "DEAD", Duration.ofSeconds(20));
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.nextAt()).isEmpty();
        VodEventBodies.await("the hook to have seen the three attempts", Duration.ofSeconds(10), () -> attemptsOf(FILE_ID) >= 3);
        assertThat(hits).allSatisfy(h -> assertThat(h.header("webhook-signature")).as("no secrets, no signature").isNull());
        Thread.sleep(1500);
        assertThat(attemptsOf(FILE_ID)).as("no attempt after DEAD").isEqualTo(3);
        assertThat(backend.services().receivedEvents().forwardStatus(eventId).orElseThrow().state()).isEqualTo("DEAD");
    }

    private long attemptsOf(String fileId) {
        return hits.stream().filter(h -> fileId.equals(h.header("X-OpenVOD-File-Id"))).count();
    }
}
