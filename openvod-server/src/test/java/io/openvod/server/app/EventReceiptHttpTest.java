package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.AppConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.config.ReceiptConfig;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.core.Secret;
import io.openvod.signature.webhook.StandardWebhooks;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push endpoint of the receipt service over real HTTP: path token, Standard Webhooks
 * signatures (with rotation and timestamp tolerance), body limits, malformed bodies, duplicates,
 * and the video state the events lead to.
 */
class EventReceiptHttpTest {
    private static final String TOKEN = "hook-0123456789abcdef";
    private static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String NEW_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("a-fresh-webhook-key-32-bytes!!!!".getBytes(StandardCharsets.UTF_8));
    private static final String FILE_ID = "5285890813342811041";
    private static final String UPLOAD = """
            {"EventType":"NewFileUpload","FileUploadEvent":{"FileId":"%s","MediaBasicInfo":{"Name":"clip",
             "MediaUrl":"http://media.example/clip.mp4","CoverUrl":"","SourceInfo":{"SourceType":"Upload",
             "SourceContext":"uid=alice&req=r-1"}},"ProcedureTaskId":"1-procedurev2-abct0","ReviewAudioVideoTaskId":""}}"""
            .formatted(FILE_ID);
    private static final String FINISH = """
            {"EventType":"ProcedureStateChanged","FileUploadEvent":null,"ProcedureStateChangeEvent":{"TaskId":"1-procedurev2-abct0",
             "Status":"FINISH","ErrCode":0,"Message":"SUCCESS","FileId":"%s","MediaProcessResultSet":[],
             "AiContentReviewResultSet":[{"Type":"Porn","PornTask":{"Status":"SUCCESS","ErrCode":0,"ErrCodeExt":"","Message":"",
             "Progress":100,"Input":{"Definition":10},"Output":{"Confidence":2.71,"Suggestion":"pass","Label":"","SegmentSet":[]}}}],
             "TasksPriority":0,"TasksNotifyMode":"Finish","SessionContext":"uid=alice&req=r-1","SessionId":""}}""".formatted(FILE_ID);

    private static final long OWN_APP = 1_500_000_001L;
    private static final long OTHER_APP = 1_500_000_002L;

    @TempDir
    Path dir;
    private AppBackend backend;

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    private URI start(ReceiptConfig receipt) {
        AppConfig base = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null,
                -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
        backend = AppBackend.start(new AppConfig(base.http(), base.database(), base.vod(), base.auth(), base.policy(),
                base.rateLimit(), receipt), java.time.Clock.systemUTC());
        return backend.url();
    }

    private static ReceiptConfig signed(Secret token, List<String> secrets, int maxBody) {
        return new ReceiptConfig(token, secrets.stream().map(Secret::of).toList(), Duration.ofMinutes(5), maxBody,
                ReceiptConfig.Pull.defaults(), ReceiptConfig.Forward.defaults(), List.of("moderator"),
                ReceiptConfig.ForbidAtVod.defaults(), OWN_APP);
    }

    /** {@code body} naming VOD application {@code app}, as OpenVOD's pushes do. */
    private static String named(String body, long app) {
        return body.replaceFirst("^\\{\"EventType\":\"([A-Za-z]+)\",", "{\"EventType\":\"$1\",\"SubAppId\":" + app + ",");
    }

    private static AppFixture.Reply push(URI base, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        headers.forEach(b::header);
        return AppFixture.send(b.build());
    }

    private static Map<String, String> signature(String secret, String id, long timestamp, String body) {
        return Map.of("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
                StandardWebhooks.fromSecrets(List.of(secret)).sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8)));
    }

    private Video awaitState(VideoState state) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            Optional<Video> video = backend.services().videos().find(FILE_ID);
            if (video.isPresent() && video.get().state() == state) {
                return video.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("video " + FILE_ID + " did not become " + state + ": " + backend.services().videos().find(FILE_ID));
    }

    @Test
    void unsignedTencentCallbacksAreAcceptedAtTheSecretPathOnly() throws Exception {
        URI base = start(signed(Secret.of(TOKEN), List.of(), 1_048_576));
        assertThat(push(base, "api/v1/vod/events", UPLOAD, Map.of()).status()).isEqualTo(404);
        assertThat(push(base, "api/v1/vod/events/not-the-token-000000", UPLOAD, Map.of()).status()).isEqualTo(404);
        AppFixture.Reply accepted = push(base, "api/v1/vod/events/" + TOKEN, UPLOAD, Map.of());
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("data").path("duplicate").asBoolean()).isFalse();
        assertThat(awaitState(VideoState.PROCESSING).userId()).contains("alice");

        assertThat(push(base, "api/v1/vod/events/" + TOKEN, FINISH, Map.of()).status()).isEqualTo(200);
        Video published = awaitState(VideoState.PUBLISHED);
        assertThat(published.review()).isEqualTo("pass");
        assertThat(published.reviewConfidence()).isEqualTo(2.71);

        AppFixture.Reply again = push(base, "api/v1/vod/events/" + TOKEN, UPLOAD, Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("data").path("duplicate").asBoolean()).isTrue();
        assertThat(backend.services().receivedEvents().recent(10)).hasSize(2);
        assertThat(awaitState(VideoState.PUBLISHED).state()).as("a repeated upload event changes nothing").isEqualTo(VideoState.PUBLISHED);
    }

    @Test
    void signedPushesVerifyWithEitherKeyOfARotationAndWithinTheTolerance() throws Exception {
        URI base = start(signed(null, List.of(OLD_SECRET, NEW_SECRET), 1_048_576));
        String upload = named(UPLOAD, OWN_APP);
        String finish = named(FINISH, OWN_APP);
        long now = Instant.now().getEpochSecond();
        assertThat(push(base, "api/v1/vod/events", upload, Map.of()).error()).isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        assertThat(push(base, "api/v1/vod/events", upload, signature(OLD_SECRET, "evt-1", now - 600, upload)).status())
                .as("ten minutes old").isEqualTo(401);
        assertThat(push(base, "api/v1/vod/events", upload.replace("alice", "mallory"), signature(OLD_SECRET, "evt-1", now, upload))
                .error()).as("a changed body").isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        String other = "whsec_" + java.util.Base64.getEncoder().encodeToString("someone-else-s-key-32-bytes-long".getBytes());
        assertThat(push(base, "api/v1/vod/events", upload, signature(other, "evt-1", now, upload)).status()).isEqualTo(401);
        assertThat(backend.services().receivedEvents().recent(10)).as("nothing refused is stored").isEmpty();

        Map<String, String> headers = new java.util.HashMap<>(signature(OLD_SECRET, "evt-1", now, upload));
        headers.put("X-OpenVOD-Event-Id", "evt-1");
        headers.put("X-OpenVOD-Sequence", "1");
        assertThat(push(base, "api/v1/vod/events", upload, headers).status()).isEqualTo(200);
        assertThat(push(base, "api/v1/vod/events", finish, signature(NEW_SECRET, "evt-2", now, finish)).status()).isEqualTo(200);
        awaitState(VideoState.PUBLISHED);
        StoredEvent first = backend.services().receivedEvents().recent(10).getLast();
        assertThat(first.eventId()).contains("evt-1");
        assertThat(first.sequence()).isEqualTo(1);
    }

    @Test
    void aValidlySignedEventOfAnotherApplicationOrOfNoneIsRefusedAndNothingIsStored() throws Exception {
        URI base = start(signed(null, List.of(OLD_SECRET), 1_048_576));
        long now = Instant.now().getEpochSecond();
        String foreign = named(UPLOAD, OTHER_APP);
        assertThat(foreign).contains("\"SubAppId\":" + OTHER_APP);
        AppFixture.Reply refused = push(base, "api/v1/vod/events", foreign, signature(OLD_SECRET, "evt-9", now, foreign));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("EVENT_OTHER_APPLICATION");
        AppFixture.Reply unnamed = push(base, "api/v1/vod/events", UPLOAD, signature(OLD_SECRET, "evt-10", now, UPLOAD));
        assertThat(unnamed.status()).as("a signed event must name its application").isEqualTo(403);
        assertThat(unnamed.error()).isEqualTo("EVENT_OTHER_APPLICATION");
        String garbled = UPLOAD.replaceFirst(",", ",\"SubAppId\":\"" + OWN_APP + "\",");
        assertThat(push(base, "api/v1/vod/events", garbled, signature(OLD_SECRET, "evt-11", now, garbled)).error())
                .as("SubAppId as a string").isEqualTo("EVENT_MALFORMED");
        assertThat(backend.services().receivedEvents().recent(10)).as("nothing refused is stored").isEmpty();
        assertThat(backend.services().videos().find(FILE_ID)).as("no video state").isEmpty();

        String mine = named(UPLOAD, OWN_APP);
        assertThat(push(base, "api/v1/vod/events", mine, signature(OLD_SECRET, "evt-12", now, mine)).status()).isEqualTo(200);
        assertThat(awaitState(VideoState.PROCESSING).userId()).contains("alice");
    }

    @Test
    void anUnsignedCallbackNamingAnotherApplicationIsRefused() {
        URI base = start(signed(Secret.of(TOKEN), List.of(), 1_048_576));
        AppFixture.Reply refused = push(base, "api/v1/vod/events/" + TOKEN, named(UPLOAD, OTHER_APP), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("EVENT_OTHER_APPLICATION");
        assertThat(backend.services().receivedEvents().recent(10)).isEmpty();
    }

    @Test
    void webhookSecretsWithoutAKnownApplicationAreAConfigurationError() {
        AppConfig base = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null,
                -1, -1, -1)), Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
        ReceiptConfig unbound = new ReceiptConfig(null, List.of(Secret.of(OLD_SECRET)), Duration.ofMinutes(5), 1_048_576,
                ReceiptConfig.Pull.defaults(), ReceiptConfig.Forward.defaults());
        io.openvod.app.config.VodConfig primary = new io.openvod.app.config.VodConfig(base.vod().secretId(), base.vod().secretKey(),
                null, List.of(), 0, "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AppConfig(base.http(), base.database(), primary, base.auth(),
                base.policy(), base.rateLimit(), unbound)).hasMessageContaining("receipt.subAppId is required");
        assertThat(new AppConfig(base.http(), base.database(), base.vod(), base.auth(), base.policy(), base.rateLimit(), unbound)
                .receiptApplication()).as("app.vod.subAppId names it").hasValue(1_500_000_001L);
    }

    @Test
    void aReviewResultWithAHundredSegmentsIsAcceptedThoughLargerThanOtherApiBodies() throws Exception {
        URI base = start(signed(null, List.of(), 1_048_576));
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            segments.append(i == 0 ? "" : ",").append("""
                    {"StartTimeOffset":%d,"EndTimeOffset":%d,"Confidence":97.5,"Label":"porn","Suggestion":"block",
                     "Url":"http://media.example/%s/review/porn/%d.jpg","PicUrlExpireTimeStamp":0,"PicUrlExpireTime":""}"""
                    .formatted(i * 2, i * 2 + 1, FILE_ID, i));
        }
        String blocked = FINISH.replace("\"Confidence\":2.71,\"Suggestion\":\"pass\",\"Label\":\"\",\"SegmentSet\":[]",
                "\"Confidence\":97.5,\"Suggestion\":\"block\",\"Label\":\"porn\",\"SegmentSet\":[" + segments + "]");
        assertThat(blocked.length()).as("over app.http.maxBodyBytes").isGreaterThan(16_384);
        assertThat(push(base, "api/v1/vod/events", UPLOAD, Map.of()).status()).isEqualTo(200);
        assertThat(push(base, "api/v1/vod/events", blocked, Map.of()).status()).isEqualTo(200);
        assertThat(awaitState(VideoState.BLOCKED).reviewConfidence()).isEqualTo(97.5);
    }

    @Test
    void malformedAndOversizedBodiesAreRefusedWithTheirCodes() {
        URI base = start(signed(null, List.of(), 4096));
        AppFixture.Reply notJson = push(base, "api/v1/vod/events", "{not json", Map.of());
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.error()).isEqualTo("EVENT_MALFORMED");
        assertThat(push(base, "api/v1/vod/events", "{\"EventType\":\"NewFileUpload\",\"FileUploadEvent\":null}", Map.of()).error())
                .isEqualTo("EVENT_MALFORMED");
        AppFixture.Reply large = push(base, "api/v1/vod/events", "{\"EventType\":\"X\",\"pad\":\"" + "x".repeat(600_000) + "\"}", Map.of());
        assertThat(large.status()).isEqualTo(400);
        assertThat(large.error()).isEqualTo("EVENT_TOO_LARGE");
        AppFixture.Reply unknown = push(base, "api/v1/vod/events", "{\"EventType\":\"SomethingNew\",\"SomethingNewEvent\":{}}",
                Map.of());
        assertThat(unknown.status()).as("unknown types are stored, not refused").isEqualTo(200);
        assertThat(backend.services().receivedEvents().recent(10)).extracting(StoredEvent::eventType).containsExactly("SomethingNew");
    }
}
