package io.openvod.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pending PUSH event survives {@code kill -9}: the platform runs as its own JVM, commits an
 * upload while the receiver is failing, is killed at once, and a new process on the same files
 * delivers the event — exactly once — when the receiver is healthy.
 */
class PushAfterKillTest {
    private static final Pattern URL = Pattern.compile("UGC upload API on (http://\\S+)/v3/index\\.php");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicBoolean healthy = new AtomicBoolean(false);
    private HttpServer receiver;
    private Process process;

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aPendingEventIsDeliveredExactlyOnceAfterKillNine() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiver.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("X-OpenVOD-Event-Id");
            exchange.getRequestBody().readAllBytes();
            (healthy.get() ? accepted : refused).add(id);
            exchange.sendResponseHeaders(healthy.get() ? 204 : 503, -1);
            exchange.close();
        });
        receiver.start();
        Path config = dir.resolve("openvod.yaml");
        Files.writeString(config, """
                keys:
                  - secretId: %s
                    secretKey: %s
                platform:
                  http: {host: 127.0.0.1, port: 0}
                  databaseUrl: jdbc:sqlite:%s
                  storage: {type: local, path: %s}
                  account: {appId: %d, name: test}
                  events:
                    notificationUrl: http://127.0.0.1:%d/hooks/vod
                    push:
                      timeout: 1s
                      firstRetry: 300ms
                      allowLoopback: true
                """.formatted(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, dir.resolve("platform.db"),
                dir.resolve("objects"), PlatformFixture.APP_ID, receiver.getAddress().getPort()));

        long started = System.nanoTime();
        String url = startPlatform(config);
        String fileId = uploadSmall(url);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        assertThat(accepted).as("nothing was accepted before the kill").isEmpty();

        healthy.set(true);
        url = startPlatform(config);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (accepted.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long deliveredAt = System.nanoTime();
        assertThat(accepted).as("delivered after the restart").hasSize(1);
        Thread.sleep(1500);
        assertThat(accepted).as("exactly once").hasSize(1);
        assertThat(refused).allMatch(id -> id.equals(accepted.getFirst()));
        System.out.printf("kill -9 test: %s delivered %d ms after the kill (%d refused POSTs before it), whole run %d ms%n",
                fileId, (deliveredAt - killedAt) / 1_000_000, refused.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Starts {@code openvod platform} in a new JVM and returns its URL once it listens. */
    private String startPlatform(Path config) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "io.openvod.server.Main",
                "--config", config.toString(), "platform", "--port", "0")
                .redirectErrorStream(true).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Process current = process;
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(current.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println("[platform] " + line);
                    Matcher m = URL.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (java.io.IOException e) {
                // the process is gone
            }
            url.completeExceptionally(new AssertionError("the platform exited before listening"));
        });
        return url.get(30, TimeUnit.SECONDS);
    }

    private String uploadSmall(String url) throws Exception {
        byte[] body = {1, 2, 3};
        JsonNode apply = Uploads.data(ugc(url, "ApplyUploadUGC", Uploads.applyBody(signature(), "small", "mp4", body.length).toString()));
        CosTestClient cos = CosTestClient.forApply(url, apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), body, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return Uploads.data(ugc(url, "CommitUploadUGC", PlatformFixture.json().put("signature", signature())
                .put("vodSessionKey", apply.get("vodSessionKey").asText()).toString())).get("fileId").asText();
    }

    private JsonNode ugc(String url, String action, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String signature() {
        long now = System.currentTimeMillis() / 1000;
        return UploadSigner.sign(SignatureParameters.builder().secretId(PlatformFixture.SECRET_ID).currentTimeStamp(now)
                .expireTime(now + 3600).random(ThreadLocalRandom.current().nextLong(1L << 32)).build(), PlatformFixture.SECRET_KEY);
    }
}
