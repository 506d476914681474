package io.openvod.bench.events;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.openvod.signature.webhook.StandardWebhooks;
import io.openvod.signature.webhook.WebhookVerdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiver of the pushed events: an HTTP server on loopback that checks the Standard Webhooks
 * signature of every POST as a receiver must (id, timestamp within 5 minutes, HMAC against the
 * application's secret), answers 204 and records when its answer went out ({@link System#nanoTime()})
 * by {@code webhook-id}; a repeated id counts as a duplicate, a bad signature is answered 400. While
 * {@link #failing(boolean)} is on it answers every POST 500 without recording it.
 */
final class Receiver implements AutoCloseable {
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final StandardWebhooks keys;
    private final ConcurrentHashMap<String, Long> answered = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong badSignatures = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean failing = new AtomicBoolean();

    private Receiver(HttpServer server, String secret) {
        this.server = server;
        this.keys = StandardWebhooks.fromSecrets(List.of(secret));
    }

    /** A receiver on a free loopback port that accepts what {@code secret} signs. */
    static Receiver start(String secret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        Receiver receiver = new Receiver(server, secret);
        server.createContext("/", receiver::handle);
        server.setExecutor(receiver.executor);
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** Answers 500 to everything while on. */
    void failing(boolean on) {
        failing.set(on);
    }

    /** When the 2xx answer to {@code eventId} went out, or null. */
    Long answeredAt(String eventId) {
        return answered.get(eventId);
    }

    int accepted() {
        return answered.size();
    }

    long duplicates() {
        return duplicates.get();
    }

    long badSignatures() {
        return badSignatures.get();
    }

    long refused() {
        return refused.get();
    }

    /** Forgets every event and count (between phases). */
    void reset() {
        answered.clear();
        duplicates.set(0);
        badSignatures.set(0);
        refused.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            if (failing.get()) {
                refused.incrementAndGet();
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            WebhookVerdict verdict = keys.verify(id, headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                    body, Instant.now(), Duration.ofMinutes(5));
            if (verdict != WebhookVerdict.VALID) {
                badSignatures.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (answered.putIfAbsent(id, System.nanoTime()) != null) {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
