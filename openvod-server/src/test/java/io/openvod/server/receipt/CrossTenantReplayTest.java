package io.openvod.server.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.openvod.core.Secret;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.app.AppBackend;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One tenant cannot make another tenant's app take its events: another account uploads with a
 * {@code sourceContext} naming the victim's user, receives its own validly signed
 * {@code NewFileUpload} at a server it controls, and replays it to the victim's receiver. The
 * victim's receiver refuses it — its secret is not the attacker application's — and even a
 * receiver that (wrongly) holds both secrets refuses it, since the signed body names the
 * attacker's application. Nothing is stored and no video appears.
 */
class CrossTenantReplayTest {
    private static final long ATTACKER_APP = 1_260_000_000L;
    private static final String ATTACKER_ID = "AKIDATTACKER00000000000000000000000000";
    private static final String ATTACKER_KEY = "AttackerSecretKey000000000000000";

    @TempDir
    Path dir;

    record Captured(Map<String, List<String>> headers, String body) {
    }

    @Test
    void anotherTenantsSignedEventReplayedToTheAppIsRefusedAndChangesNothing() throws Exception {
        LinkedBlockingQueue<Captured> captured = new LinkedBlockingQueue<>();
        HttpServer attackerServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        attackerServer.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            captured.add(new Captured(exchange.getRequestHeaders(), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        attackerServer.start();
        try (ReceiptStack stack = ReceiptStack.start(dir, "Review", platformUrl -> List.of())) {
            stack.call("ModifyEventConfig", "\"Mode\":\"PUSH\",\"NotificationUrl\":\"" + stack.notificationUrl() + "\"");
            // The attacker: another account, its own application and webhook secret, callbacks to its own server.
            stack.platform().services().keys().add(new ApiKey(ATTACKER_ID, ATTACKER_KEY, ATTACKER_APP, true, Instant.now(), false));
            Secret attackerSecret = stack.platform().node().webhookSecrets().create(ATTACKER_APP).secret();
            stack.platform().node().eventConfigs().put(new EventConfig(ATTACKER_APP, "PUSH",
                    "http://127.0.0.1:" + attackerServer.getAddress().getPort() + "/hook", "ON", "ON", "OFF"));

            String fileId = uploadAsAttacker(stack.platform().url(), "uid=" + ReceiptStack.USER + "&req=forged");
            Captured event = captured.poll(20, TimeUnit.SECONDS);
            assertThat(event).as("the attacker receives its own signed event").isNotNull();
            assertThat(event.body()).contains(fileId).contains("\"SubAppId\":" + ATTACKER_APP);
            assertThat(event.headers().get("Webhook-signature")).isNotNull();

            int replayed = replay(stack.notificationUrl(), event);
            assertThat(replayed).as("the victim's receiver does not hold the attacker's secret").isEqualTo(401);

            try (AppBackend careless = stack.anotherReceiver(List.of(stack.webhookSecret(), attackerSecret))) {
                HttpResponse<String> answer = post(careless.url() + "api/v1/vod/events/receipt-e2e-path-token-0123456789", event);
                assertThat(answer.statusCode()).as("a valid signature, but for another application").isEqualTo(403);
                assertThat(answer.body()).contains("EVENT_OTHER_APPLICATION");
                assertThat(careless.services().receivedEvents().recent(10)).isEmpty();
                assertThat(careless.services().videos().find(fileId)).isEmpty();
            }
            Thread.sleep(300);
            assertThat(stack.app().services().receivedEvents().recent(10)).as("nothing is stored").isEmpty();
            assertThat(stack.app().services().videos().find(fileId)).as("no video for the attacker's upload").isEmpty();
            assertThat(stack.app().services().videos().ofUser(ReceiptStack.USER, 10)).as("alice has no videos").isEmpty();
        } finally {
            attackerServer.stop(0);
        }
    }

    private static int replay(String url, Captured event) throws Exception {
        return post(url, event).statusCode();
    }

    private static HttpResponse<String> post(String url, Captured event) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(event.body()));
        for (String header : List.of("Content-Type", "Webhook-id", "Webhook-timestamp", "Webhook-signature", "X-OpenVOD-Event-Id",
                "X-OpenVOD-Sequence")) {
            List<String> values = event.headers().get(header);
            if (values != null) {
                request.header(header, values.getFirst());
            }
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String signature(String sourceContext) {
        long now = Instant.now().getEpochSecond();
        return UploadSigner.sign(SignatureParameters.builder().secretId(ATTACKER_ID).currentTimeStamp(now).expireTime(now + 600)
                .random(ThreadLocalRandom.current().nextLong(1L << 32)).sourceContext(sourceContext).build(), ATTACKER_KEY);
    }

    private static String uploadAsAttacker(String platformUrl, String sourceContext) throws Exception {
        byte[] bytes = "not really a video, but bytes".getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode apply = Uploads.data(ugc(http, platformUrl, "ApplyUploadUGC",
                Uploads.applyBody(signature(sourceContext), "forged", "mp4", bytes.length).toString()));
        CosTestClient cos = CosTestClient.forApply(platformUrl, apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode commit = Uploads.data(ugc(http, platformUrl, "CommitUploadUGC", PlatformFixture.json()
                .put("signature", signature(sourceContext)).put("vodSessionKey", apply.get("vodSessionKey").asText()).toString()));
        return commit.get("fileId").asText();
    }

    private static JsonNode ugc(HttpClient http, String platformUrl, String action, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(platformUrl + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return ReceiptStack.JSON.readTree(response.body());
    }
}
