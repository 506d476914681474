package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.core.Secret;
import io.openvod.platform.config.EventsConfig;
import io.openvod.platform.events.DeliveryRecord;
import io.openvod.platform.events.EventConfig;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PUSH delivery over real HTTP to receivers on loopback: signing, retries, dead letters, isolation, SSRF. */
class PushDeliveryHttpTest {
    private static final long APP = PlatformFixture.APP_ID;
    private static final long OTHER_APP = 1_500_000_001L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static EventsConfig events(Duration timeout, Duration window, int concurrency, boolean signed, boolean loopback) {
        return events(timeout, window, concurrency, Math.min(concurrency, EventsConfig.Push.DEFAULT_PER_RECEIVER), signed, loopback);
    }

    static EventsConfig events(Duration timeout, Duration window, int concurrency, int perReceiver, boolean signed, boolean loopback) {
        EventsConfig d = EventsConfig.defaults();
        return new EventsConfig(d.mode(), d.notificationUrl(), d.uploadSwitch(), d.deleteSwitch(),
                new EventsConfig.Push(timeout, Duration.ofMillis(50), window, 20, concurrency, perReceiver, signed, loopback, false),
                d.pull());
    }

    static EventsConfig events(boolean signed) {
        return events(Duration.ofSeconds(2), Duration.ofSeconds(30), 8, signed, true);
    }

    /** The body as stored in the outbox: the pushed one without the application's name. */
    static String unbound(String pushed) throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(pushed);
        body.remove("SubAppId");
        return JSON.writeValueAsString(body);
    }

    static Secret newSecret() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return Secret.of("whsec_" + Base64.getEncoder().encodeToString(key));
    }

    static String upload(PlatformFixture platform) {
        return Uploads.uploadSmall(platform, new byte[] {1, 2, 3}, b -> b).get("fileId").asText();
    }

    /** An upload to another application: Apply, PUT Object and Commit all signed for it. */
    private static String upload(PlatformFixture platform, long subAppId) {
        byte[] bytes = {4, 5, 6};
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC",
                Uploads.applyBody(platform.signature(b -> b.vodSubAppId(subAppId)), "small", "mp4", bytes.length)));
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        var put = cos.put(CosTestClient.key(apply.get("video").get("storagePath").asText()), bytes, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return Uploads.data(platform.ugc("CommitUploadUGC", PlatformFixture.json()
                .put("signature", platform.signature(b -> b.vodSubAppId(subAppId)))
                .put("vodSessionKey", apply.get("vodSessionKey").asText()))).get("fileId").asText();
    }

    static DeliveryRecord delivery(PlatformFixture platform, String fileId) {
        return platform.node().push().deliveries().list(Optional.empty(), Optional.of(fileId), 10).getFirst();
    }

    static DeliveryRecord awaitState(PlatformFixture platform, String fileId, String state, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DeliveryRecord d = delivery(platform, fileId);
            if (d.state().equals(state)) {
                return d;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + state + " within " + timeout + ", have " + d);
            }
            Thread.sleep(20);
        }
    }

    /** An independent Standard Webhooks check: some v1 signature is HMAC-SHA256(key, id.timestamp.body). */
    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String part : signatureHeader.split(" ")) {
            String[] versioned = part.split(",", 2);
            if (versioned.length == 2 && versioned[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(versioned[1]))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anUploadIsPostedOnceWithVerifiableSignaturesAndOpenVodHeaders() throws Exception {
        try (TestReceiver receiver = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir, events(true))) {
            Secret current = platform.node().webhookSecrets().create(APP).secret();
            Secret next = platform.node().webhookSecrets().create(APP).secret();
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            long before = System.currentTimeMillis() / 1000;
            String fileId = upload(platform);

            TestReceiver.Request post = receiver.await(1, Duration.ofSeconds(10)).getFirst();
            DeliveryRecord d = awaitState(platform, fileId, "DELIVERED", Duration.ofSeconds(5));
            assertThat(d.attempts()).isEqualTo(1);
            assertThat(d.deliveredAt()).isPresent();
            assertThat(d.lastError()).isEmpty();

            assertThat(post.header("Content-Type")).isEqualTo("application/json");
            assertThat(post.header("X-OpenVOD-Event-Id")).isEqualTo(d.eventId());
            assertThat(post.header("X-OpenVOD-Event-Type")).isEqualTo("NewFileUpload");
            assertThat(post.header("X-OpenVOD-File-Id")).isEqualTo(fileId);
            assertThat(post.header("X-OpenVOD-Sequence")).isEqualTo("1");
            assertThat(post.header("webhook-id")).isEqualTo(d.eventId());
            long timestamp = Long.parseLong(post.header("webhook-timestamp"));
            assertThat(timestamp).isBetween(before - 1, System.currentTimeMillis() / 1000 + 1);
            String signature = post.header("webhook-signature");
            assertThat(signature.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
            for (Secret secret : List.of(current, next)) {
                assertThat(verifies(secret.reveal(), d.eventId(), post.header("webhook-timestamp"), post.body(), signature))
                        .as("signature by each secret").isTrue();
            }
            assertThat(verifies(newSecret().reveal(), d.eventId(), post.header("webhook-timestamp"), post.body(), signature))
                    .as("another key does not verify").isFalse();
            assertThat(verifies(current.reveal(), d.eventId(), post.header("webhook-timestamp"), post.body() + " ", signature))
                    .as("a changed body does not verify").isFalse();

            JsonNode body = JSON.readTree(post.body());
            assertThat(body.get("EventType").asText()).isEqualTo("NewFileUpload");
            assertThat(body.get("FileUploadEvent").get("FileId").asText()).isEqualTo(fileId);
            assertThat(body.get("SubAppId").asLong()).as("the application is named in what is signed").isEqualTo(APP);
            assertThat(post.body()).startsWith("{\"EventType\":\"NewFileUpload\",\"SubAppId\":" + APP + ",")
                    .doesNotContain("OpenVOD").doesNotContain("webhook");
            assertThat(unbound(post.body())).isEqualTo(platform.node().catalog().events(fileId).getFirst().event().body());

            Thread.sleep(600);
            assertThat(receiver.requests()).hasSize(1);
        }
    }

    @Test
    void aFailingReceiverGetsTheEventOnceItRecovers() throws Exception {
        // 500, 503, then an answer after the 1 s timeout, then 200.
        try (TestReceiver receiver = TestReceiver.start(n -> switch (n) {
                case 1 -> TestReceiver.Answer.status(500);
                case 2 -> TestReceiver.Answer.status(503);
                case 3 -> TestReceiver.Answer.slow(Duration.ofMillis(1800));
                default -> TestReceiver.Answer.ok();
            });
             PlatformFixture platform = PlatformFixture.start(dir,
                     events(Duration.ofSeconds(1), Duration.ofSeconds(60), 8, true, true))) {
            platform.node().webhookSecrets().create(APP);
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            String fileId = upload(platform);

            DeliveryRecord d = awaitState(platform, fileId, "DELIVERED", Duration.ofSeconds(15));
            assertThat(d.attempts()).isEqualTo(4);
            assertThat(d.lastError()).isEmpty();
            Thread.sleep(800);
            List<TestReceiver.Request> requests = receiver.requests();
            assertThat(requests).hasSize(4);
            assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly(d.eventId());
            // Each attempt is signed anew (a fresh timestamp), and the id stays the same.
            assertThat(requests).extracting(r -> r.header("X-OpenVOD-Sequence")).containsOnly("1");
        }
    }

    @Test
    void anEventIsDeadAfterTheRetryWindowAndRedeliveredOnRequest() throws Exception {
        try (TestReceiver receiver = TestReceiver.start(n -> TestReceiver.Answer.status(500));
             PlatformFixture platform = PlatformFixture.start(dir,
                     events(Duration.ofSeconds(1), Duration.ofMillis(800), 8, true, true))) {
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            String first = upload(platform);
            String second = upload(platform);

            DeliveryRecord dead = awaitState(platform, first, "DEAD", Duration.ofSeconds(10));
            awaitState(platform, second, "DEAD", Duration.ofSeconds(10));
            assertThat(dead.attempts()).isGreaterThan(1);
            assertThat(dead.lastError()).contains("HTTP 500");
            assertThat(platform.node().push().deliveries().list(Optional.of("DEAD"), Optional.empty(), 10)).hasSize(2);
            int posted = receiver.requests().size();
            Thread.sleep(400);
            assertThat(receiver.requests()).as("nothing is sent once dead").hasSize(posted);

            receiver.answer(n -> TestReceiver.Answer.ok());
            assertThat(platform.node().push().deliveries().redeliver(dead.eventId())).isTrue();
            assertThat(platform.node().push().deliveries().redeliver(dead.eventId())).as("already pending").isFalse();
            DeliveryRecord delivered = awaitState(platform, first, "DELIVERED", Duration.ofSeconds(5));
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(delivery(platform, second).state()).isEqualTo("DEAD");

            assertThat(platform.node().push().deliveries().redeliverDead(Optional.of(OTHER_APP))).isZero();
            assertThat(platform.node().push().deliveries().redeliverDead(Optional.of(APP))).isEqualTo(1);
            awaitState(platform, second, "DELIVERED", Duration.ofSeconds(5));
            assertThat(receiver.requests().stream().filter(r -> r.answered() == 200).count()).isEqualTo(2);
        }
    }

    @Test
    void aSlowReceiverDoesNotDelayAnotherApplicationsReceiver() throws Exception {
        try (TestReceiver slow = TestReceiver.start(n -> TestReceiver.Answer.slow(Duration.ofSeconds(3)));
             TestReceiver fast = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir,
                     events(Duration.ofSeconds(2), Duration.ofSeconds(60), 3, 2, true, true))) {
            platform.keys().addApp(APP, OTHER_APP, "other");
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", slow.url(), "ON", "ON", "OFF"));
            platform.node().eventConfigs().put(new EventConfig(OTHER_APP, "PUSH", fast.url(), "ON", "ON", "OFF"));
            for (int i = 0; i < 4; i++) {
                upload(platform);
            }
            slow.await(2, Duration.ofSeconds(5));

            long committed = System.currentTimeMillis();
            String fileId = upload(platform, OTHER_APP);
            TestReceiver.Request post = fast.await(1, Duration.ofSeconds(5)).getFirst();
            long latency = post.receivedAtMillis() - committed;
            assertThat(post.header("X-OpenVOD-File-Id")).isEqualTo(fileId);
            assertThat(latency).as("fast receiver latency (ms) while the slow one holds its slots").isLessThan(1500);
            // The slow receiver answers after 3 s and a POST times out after 2 s, so with at most two POSTs in
            // flight to it (push.perReceiver: 2), each POST arrives no sooner than 2 s after the one two before it.
            List<Long> arrivals = slow.requests().stream().map(TestReceiver.Request::receivedAtMillis).sorted().toList();
            for (int i = 2; i < arrivals.size(); i++) {
                assertThat(arrivals.get(i) - arrivals.get(i - 2)).as("at most two POSTs in flight to one receiver: " + arrivals)
                        .isGreaterThanOrEqualTo(1900);
            }
            System.out.println("fast receiver latency with a slow receiver busy: " + latency + " ms");
        }
    }

    @Test
    void callbacksToMetadataPrivateOrLoopbackAddressesAreRefused() throws Exception {
        try (TestReceiver receiver = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir,
                     events(Duration.ofSeconds(1), Duration.ofMillis(500), 8, true, false))) {
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", "http://169.254.169.254/latest/meta-data/", "ON", "ON", "OFF"));
            String metadata = upload(platform);
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", "http://10.1.2.3:8080/hook", "ON", "ON", "OFF"));
            String privateNet = upload(platform);
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            String loopback = upload(platform);

            assertThat(awaitState(platform, metadata, "DEAD", Duration.ofSeconds(10)).lastError().orElseThrow())
                    .contains("refused").contains("metadata");
            assertThat(awaitState(platform, privateNet, "DEAD", Duration.ofSeconds(10)).lastError().orElseThrow())
                    .contains("refused").contains("private");
            assertThat(awaitState(platform, loopback, "DEAD", Duration.ofSeconds(10)).lastError().orElseThrow())
                    .contains("refused").contains("loopback");
            assertThat(receiver.requests()).as("never POSTed").isEmpty();
        }
    }

    @Test
    void unsignedModeSendsNoWebhookHeaders() throws Exception {
        try (TestReceiver receiver = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir, events(false))) {
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            String fileId = upload(platform);
            TestReceiver.Request post = receiver.await(1, Duration.ofSeconds(10)).getFirst();
            assertThat(post.headers().keySet()).noneMatch(h -> h.startsWith("webhook-"));
            assertThat(post.header("X-OpenVOD-File-Id")).isEqualTo(fileId);
            assertThat(JSON.readTree(post.body()).get("EventType").asText()).isEqualTo("NewFileUpload");
        }
    }

    @Test
    void eachApplicationsCallbacksAreSignedWithItsOwnSecretsOnly() throws Exception {
        try (TestReceiver mine = TestReceiver.healthy();
             TestReceiver theirs = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir, events(true))) {
            platform.keys().addApp(APP, OTHER_APP, "other");
            Secret mySecret = platform.node().webhookSecrets().create(APP).secret();
            Secret theirSecret = platform.node().webhookSecrets().create(OTHER_APP).secret();
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", mine.url(), "ON", "ON", "OFF"));
            platform.node().eventConfigs().put(new EventConfig(OTHER_APP, "PUSH", theirs.url(), "ON", "ON", "OFF"));
            upload(platform);
            upload(platform, OTHER_APP);

            TestReceiver.Request myPost = mine.await(1, Duration.ofSeconds(10)).getFirst();
            TestReceiver.Request theirPost = theirs.await(1, Duration.ofSeconds(10)).getFirst();
            assertThat(signedBy(mySecret, myPost)).isTrue();
            assertThat(signedBy(theirSecret, myPost)).as("another application's secret never signs my events").isFalse();
            assertThat(signedBy(theirSecret, theirPost)).isTrue();
            assertThat(signedBy(mySecret, theirPost)).as("my secret never signs another application's events").isFalse();
            assertThat(theirPost.header("webhook-signature").split(" ")).hasSize(1);
            assertThat(JSON.readTree(theirPost.body()).get("SubAppId").asLong()).isEqualTo(OTHER_APP);
        }
    }

    @Test
    void aRotatedOutSecretStopsSigningAfterTheOverlapAndARevokedOneAtOnce() throws Exception {
        try (TestReceiver receiver = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir, events(true))) {
            WebhookSecrets secrets = platform.node().webhookSecrets();
            WebhookSecrets.Created old = secrets.create(APP);
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            WebhookSecrets.Created rotated = secrets.rotate(APP, Duration.ZERO);
            assertThat(secrets.list(Optional.of(APP))).extracting(s -> s.state(java.time.Instant.now()))
                    .containsExactlyInAnyOrder("EXPIRED", "ACTIVE");
            Thread.sleep(WebhookSigner.REFRESH.toMillis() + 200);
            upload(platform);
            TestReceiver.Request first = receiver.await(1, Duration.ofSeconds(10)).getFirst();
            assertThat(signedBy(rotated.secret(), first)).isTrue();
            assertThat(signedBy(old.secret(), first)).as("rotated out with no overlap").isFalse();

            assertThat(secrets.revoke(rotated.secretId())).isTrue();
            assertThat(secrets.revoke(rotated.secretId())).as("revoked already").isFalse();
            assertThat(secrets.signing(APP)).isEmpty();
            Thread.sleep(WebhookSigner.REFRESH.toMillis() + 200);
            upload(platform);
            TestReceiver.Request second = receiver.await(2, Duration.ofSeconds(10)).get(1);
            assertThat(second.headers().keySet()).as("no current secret: unsigned").noneMatch(h -> h.startsWith("webhook-"));
        }
    }

    @Test
    void aSecretIsOnlyMadeForAnApplicationThatExists() {
        try (PlatformFixture platform = PlatformFixture.start(dir, events(true))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> platform.node().webhookSecrets().create(999L))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no application 999");
        }
    }

    private static boolean signedBy(Secret secret, TestReceiver.Request post) throws Exception {
        return verifies(secret.reveal(), post.header("webhook-id"), post.header("webhook-timestamp"), post.body(),
                post.header("webhook-signature"));
    }

    @Test
    void signedWithoutSecretsSendsUnsigned() throws Exception {
        try (TestReceiver receiver = TestReceiver.healthy();
             PlatformFixture platform = PlatformFixture.start(dir, events(true))) {
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            upload(platform);
            TestReceiver.Request post = receiver.await(1, Duration.ofSeconds(10)).getFirst();
            assertThat(post.headers().keySet()).noneMatch(h -> h.startsWith("webhook-"));
        }
    }
}
