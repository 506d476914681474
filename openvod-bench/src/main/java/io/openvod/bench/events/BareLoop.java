package io.openvod.bench.events;

import io.openvod.signature.webhook.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;

/**
 * The ceiling: {@code concurrency} virtual threads that each sign a body like the platform's and
 * POST it to the receiver with the same HTTP client (Jetty) and headers, in a closed loop, with
 * nothing stored. Returns the 2xx answers per second.
 */
final class BareLoop {
    private BareLoop() {
    }

    static double run(Receiver receiver, String secret, int concurrency, Duration window) throws Exception {
        StandardWebhooks keys = StandardWebhooks.fromSecrets(List.of(secret));
        HttpClient client = new HttpClient();
        client.start();
        AtomicLong ok = new AtomicLong();
        AtomicLong n = new AtomicLong();
        long end = System.nanoTime() + window.toNanos();
        try {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        long id = n.incrementAndGet();
                        String fileId = Long.toString(9_000_000_000_000L + id);
                        String eventId = String.format(Locale.ROOT, "bare-%016x", id);
                        byte[] body = Bodies.newFileUpload(fileId).getBytes(StandardCharsets.UTF_8);
                        long ts = System.currentTimeMillis() / 1000;
                        try {
                            ContentResponse answer = client.newRequest(receiver.url()).method(HttpMethod.POST)
                                    .timeout(5, TimeUnit.SECONDS)
                                    .headers(h -> h.add("X-OpenVOD-Event-Id", eventId).add("X-OpenVOD-Event-Type", "NewFileUpload")
                                            .add("X-OpenVOD-File-Id", fileId).add("X-OpenVOD-Sequence", "1")
                                            .add("webhook-id", eventId).add("webhook-timestamp", Long.toString(ts))
                                            .add("webhook-signature", keys.sign(eventId, ts, body)))
                                    .body(new BytesRequestContent("application/json", body))
                                    .send();
                            if (answer.getStatus() / 100 == 2) {
                                ok.incrementAndGet();
                            }
                        } catch (Exception e) {
                            if (e instanceof InterruptedException) {
                                return;
                            }
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            client.stop();
        }
        return ok.get() / (window.toNanos() / 1e9);
    }
}
