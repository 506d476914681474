package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refusal of the UGC upload API over real HTTP: the exact {@code code} (a JSON number, with
 * HTTP 200), and that a refused Apply creates no upload session and a refused Commit records no
 * media.
 */
class UploadRejectionsHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SUB_APP_ID = 1_500_000_777L;

    @TempDir
    static Path dir;
    static PlatformFixture platform;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
        platform.keys().addApp(PlatformFixture.APP_ID, SUB_APP_ID, "second application");
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** The body is refused after 64 KiB; the rest of it is read and dropped, so the client gets the answer, not a reset. */
    @Test
    void anOversizedBodyIsAnInvalidRequest() {
        for (int i = 0; i < 3; i++) {
            JsonNode answer = platform.ugcRaw("ApplyUploadUGC", "{\"signature\":\"" + "x".repeat(2_000_000) + "\"}");
            assertThat(answer.get("code").asInt()).isNotZero();
            assertThat(answer.get("message").asText()).contains("larger than");
        }
    }

    @Test
    void aTamperedSignatureIsInvalid() {
        String genuine = platform.signature();
        byte[] decoded = Base64.getDecoder().decode(genuine);
        byte[] tampered = decoded.clone();
        // The last byte is a digit of `random` (the last field); flipping its low bit keeps it a digit.
        tampered[tampered.length - 1] ^= 0x01;
        assertThat((char) tampered[tampered.length - 1]).isBetween('0', '9');
        long before = sessions();

        refused(post("ApplyUploadUGC", Uploads.applyBody(Base64.getEncoder().encodeToString(tampered), "v", "mp4", 10)),
                10002);
        refused(post("PrepareUploadUGC", PlatformFixture.json().put("signature", Base64.getEncoder().encodeToString(tampered))),
                10002);
        assertThat(sessions()).as("no session for a tampered signature").isEqualTo(before);

        Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(genuine, "v", "mp4", 10)));
        assertThat(sessions()).as("the untampered signature is accepted").isEqualTo(before + 1);
    }

    @Test
    void anExpiredSignatureIsCode10010() {
        long now = Instant.now().getEpochSecond();
        String expired = platform.signature(b -> b.currentTimeStamp(now - 7200).expireTime(now - 60));
        long before = sessions();

        refused(post("ApplyUploadUGC", Uploads.applyBody(expired, "v", "mp4", 10)), 10010);
        refused(post("PrepareUploadUGC", PlatformFixture.json().put("signature", expired)), 10010);
        refused(post("CommitUploadUGC", PlatformFixture.json().put("signature", expired).put("vodSessionKey", "x")),
                10010);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aSignatureFromTheFutureIsNotYetValid() {
        long now = Instant.now().getEpochSecond();
        String future = platform.signature(b -> b.currentTimeStamp(now + 3600).expireTime(now + 7200));
        refused(post("ApplyUploadUGC", Uploads.applyBody(future, "v", "mp4", 10)), 10005);
    }

    @Test
    void aOneTimeSignatureIsRefusedTheSecondTimeEvenAfterARestart() {
        String once = platform.signature(b -> b.oneTimeValid(true));
        long before = sessions();
        Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(once, "v", "mp4", 10)));

        refused(post("ApplyUploadUGC", Uploads.applyBody(once, "v", "mp4", 10)), 10004);
        platform.restart();
        refused(post("ApplyUploadUGC", Uploads.applyBody(once, "v", "mp4", 10)), 10004);
        refused(post("CommitUploadUGC", PlatformFixture.json().put("signature", once).put("vodSessionKey", "x")),
                10004);
        assertThat(sessions()).as("only the first use made a session").isEqualTo(before + 1);
    }

    @Test
    void aSignatureByAnUnknownKeyIsRefused() {
        String foreign = platform.signature("AKIDFOREIGN00000000000000000000000000", "ForeignSecretKey0000000000000000", b -> b);
        long before = sessions();
        refused(post("ApplyUploadUGC", Uploads.applyBody(foreign, "v", "mp4", 10)), 10003);
        refused(post("PrepareUploadUGC", PlatformFixture.json().put("signature", foreign)), 10003);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aSignatureByARevokedKeyIsRefused() {
        String secretId = "AKIDREVOKED00000000000000000000000000";
        String secretKey = "RevokedSecretKey0000000000000000";
        platform.keys().add(new ApiKey(secretId, secretKey, PlatformFixture.APP_ID, true, Instant.now(), false));
        Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(secretId, secretKey, b -> b), "v", "mp4", 10)));

        assertThat(platform.keys().revoke(secretId)).isTrue();
        long before = sessions();
        refused(post("ApplyUploadUGC", Uploads.applyBody(platform.signature(secretId, secretKey, b -> b), "v", "mp4", 10)),
                10003);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aMissingSignatureIsAnInvalidRequest() {
        long before = sessions();
        ObjectNode noSignature = Uploads.applyBody("x", "v", "mp4", 10);
        noSignature.remove("signature");
        refused(post("ApplyUploadUGC", noSignature), 10001);
        refused(post("ApplyUploadUGC", Uploads.applyBody("", "v", "mp4", 10)), 10001);
        refused(post("CommitUploadUGC", PlatformFixture.json().put("vodSessionKey", "x")), 10001);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAnInvalidRequest() {
        long before = sessions();
        refused(post("ApplyUploadUGC", "{\"signature\": \"" + platform.signature() + "\", "), 10001);
        refused(post("ApplyUploadUGC", "not json at all"), 10001);
        refused(post("ApplyUploadUGC", "[{\"signature\": \"" + platform.signature() + "\"}]"), 10001);
        refused(post("ApplyUploadUGC", "\"" + platform.signature() + "\""), 10001);
        refused(post("ApplyUploadUGC", ""), 10001);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void fieldsOfTheWrongTypeAreAnInvalidRequest() {
        long before = sessions();
        ObjectNode textSize = Uploads.applyBody(platform.signature(), "v", "mp4", 10).put("videoSize", "abc");
        refused(post("ApplyUploadUGC", textSize), 10001);
        ObjectNode numericName = Uploads.applyBody(platform.signature(), "v", "mp4", 10).put("videoName", 5);
        refused(post("ApplyUploadUGC", numericName), 10001);
        ObjectNode negativeSize = Uploads.applyBody(platform.signature(), "v", "mp4", 10).put("videoSize", -1);
        refused(post("ApplyUploadUGC", negativeSize), 10001);
        ObjectNode numericSignature = PlatformFixture.json().put("signature", 12345).put("videoName", "v").put("videoType", "mp4");
        refused(post("ApplyUploadUGC", numericSignature), 10001);
        ObjectNode objectSessionKey = PlatformFixture.json().put("signature", platform.signature());
        objectSessionKey.putObject("vodSessionKey");
        refused(post("CommitUploadUGC", objectSessionKey), 10001);
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void anUnknownActionIsUnsupported() {
        refused(post("DescribeMediaInfos", PlatformFixture.json().put("signature", platform.signature())), 10012);
        refused(post("applyuploadugc", Uploads.applyBody(platform.signature(), "v", "mp4", 10)), 10012);
        refused(postTo("/v3/index.php", Uploads.applyBody(platform.signature(), "v", "mp4", 10).toString()), 10012);
    }

    @Test
    void aFileAboveTheLimitIsTooLarge() {
        long limit = PlatformFixture.defaultUpload().maxFileSize();
        long before = sessions();
        refused(post("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", limit + 1)), 10009);
        ObjectNode bigCover = Uploads.applyBody(platform.signature(), "v", "mp4", 10)
                .put("coverName", "c").put("coverType", "png").put("coverSize", limit + 1);
        refused(post("ApplyUploadUGC", bigCover), 10009);
        assertThat(sessions()).isEqualTo(before);
        Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", limit)));
        assertThat(sessions()).as("a file of exactly the limit is accepted").isEqualTo(before + 1);
    }

    @Test
    void anEmptyFileIsAnInvalidRequestAtApplyAndOpensNoSession() {
        long before = sessions();
        Answer emptyVideo = post("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", 0));
        refused(emptyVideo, 10001);
        assertThat(emptyVideo.json().get("message").asText()).contains("videoSize is 0", "empty file");
        ObjectNode emptyCover = Uploads.applyBody(platform.signature(), "v", "mp4", 10)
                .put("coverName", "c").put("coverType", "png").put("coverSize", 0);
        Answer cover = post("ApplyUploadUGC", emptyCover);
        refused(cover, 10001);
        assertThat(cover.json().get("message").asText()).contains("coverSize is 0");
        assertThat(sessions()).isEqualTo(before);
        Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", 1)));
        assertThat(sessions()).as("a file of one byte is accepted").isEqualTo(before + 1);
    }

    @Test
    void aCommitOfAnEmptyObjectIsIncompleteUntilItHasBytes() {
        ObjectNode undeclared = Uploads.applyBody(platform.signature(), "v", "mp4", 10);
        undeclared.remove("videoSize");
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", undeclared));
        String fileId = fileIdOf(apply);
        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        String key = CosTestClient.key(apply.get("video").get("storagePath").asText());
        assertThat(cos.put(key, new byte[0], Map.of(), Map.of()).statusCode()).isEqualTo(200);

        Answer empty = post("CommitUploadUGC", commitBody(platform.signature(), apply.get("vodSessionKey").asText()));
        refused(empty, 10008);
        assertThat(empty.json().get("message").asText()).contains("the video is empty (0 bytes)");
        assertThat(platform.node().catalog().find(fileId)).isEmpty();
        assertThat(platform.node().catalog().events(fileId)).isEmpty();
        assertThat(sessionState(apply.get("vodSessionKey").asText())).as("the session stays open").isEqualTo("APPLIED");

        assertThat(cos.put(key, "not a video".getBytes(StandardCharsets.UTF_8), Map.of(), Map.of()).statusCode()).isEqualTo(200);
        Uploads.data(platform.ugc("CommitUploadUGC", commitBody(platform.signature(), apply.get("vodSessionKey").asText())));
        assertThat(platform.node().catalog().find(fileId)).as("with bytes, it commits").isPresent();
    }

    @Test
    void aCoverForAnUnknownFileIdIsRefused() {
        ObjectNode cover = PlatformFixture.json().put("signature", platform.signature()).put("fileId", "5000000000000000001")
                .put("coverName", "c").put("coverType", "png").put("coverSize", 10);
        refused(post("ApplyUploadUGC", cover), 10011);
    }

    @Test
    void anUnknownSubApplicationIsRefused() {
        String signature = platform.signature(b -> b.vodSubAppId(1_599_999_999L));
        refused(post("ApplyUploadUGC", Uploads.applyBody(signature, "v", "mp4", 10)), 10006);
    }

    @Test
    void aCommitBeforeTheUploadIsIncompleteAndRecordsNothing() {
        JsonNode apply = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", 10)));
        String fileId = fileIdOf(apply);

        refused(post("CommitUploadUGC", commitBody(platform.signature(), apply.get("vodSessionKey").asText())), 10008);
        assertThat(platform.node().catalog().find(fileId)).isEmpty();
        assertThat(platform.node().catalog().events(fileId)).isEmpty();
        assertThat(sessionState(apply.get("vodSessionKey").asText())).as("the session stays open").isEqualTo("APPLIED");

        CosTestClient cos = CosTestClient.forApply(platform.url(), apply);
        String key = CosTestClient.key(apply.get("video").get("storagePath").asText());
        assertThat(cos.put(key, new byte[5], Map.of(), Map.of()).statusCode()).isEqualTo(200);
        refused(post("CommitUploadUGC", commitBody(platform.signature(), apply.get("vodSessionKey").asText())), 10008);
        assertThat(platform.node().catalog().find(fileId)).as("5 of 10 declared bytes are not a whole upload").isEmpty();
        assertThat(sessionState(apply.get("vodSessionKey").asText())).isEqualTo("APPLIED");
    }

    @Test
    void aCommitOfAnotherApplicationsOrAnUnknownSessionIsNotFound() {
        JsonNode ofSubApp = Uploads.data(platform.ugc("ApplyUploadUGC",
                Uploads.applyBody(platform.signature(b -> b.vodSubAppId(SUB_APP_ID)), "v", "mp4", 10)));
        assertThat(ofSubApp.get("storageBucket").asText()).isEqualTo("vod" + SUB_APP_ID);
        refused(post("CommitUploadUGC", commitBody(platform.signature(), ofSubApp.get("vodSessionKey").asText())),
                10007);

        String otherId = "AKIDOTHERACCOUNT000000000000000000000";
        String otherKey = "OtherAccountSecretKey00000000000";
        platform.keys().add(new ApiKey(otherId, otherKey, 1_260_000_000L, true, Instant.now(), false));
        JsonNode ofMainApp = Uploads.data(platform.ugc("ApplyUploadUGC", Uploads.applyBody(platform.signature(), "v", "mp4", 10)));
        refused(post("CommitUploadUGC", commitBody(platform.signature(otherId, otherKey, b -> b), ofMainApp.get("vodSessionKey").asText())),
                10007);
        ObjectNode resume = PlatformFixture.json().put("signature", platform.signature(otherId, otherKey, b -> b))
                .put("vodSessionKey", ofMainApp.get("vodSessionKey").asText());
        refused(post("ApplyUploadUGC", resume), 10007);

        refused(post("CommitUploadUGC", commitBody(platform.signature(), SessionKeys.newKey())), 10007);
        refused(post("CommitUploadUGC", commitBody(platform.signature(), "not-a-session-key")), 10007);
        assertThat(platform.node().catalog().find(fileIdOf(ofSubApp))).isEmpty();
        assertThat(platform.node().catalog().find(fileIdOf(ofMainApp))).isEmpty();
    }

    @Test
    void theCorsPreflightAllowsAJsonPostFromAnyOrigin() throws Exception {
        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(URI.create(platform.url() + "/v3/index.php"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isBetween(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");
    }

    // --- helpers ---

    /** An answer as the wire carries it. */
    record Answer(HttpResponse<String> response, JsonNode json) {
    }

    static Answer post(String action, ObjectNode body) {
        return post(action, body.toString());
    }

    static Answer post(String action, String body) {
        return postTo("/v3/index.php?Action=" + action, body);
    }

    static Answer postTo(String pathAndQuery, String body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.url() + pathAndQuery))
                    .header("Content-Type", "application/json;charset=utf-8")
                    .header("Origin", "https://app.example")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response, JSON.readTree(response.body()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Asserts a refusal: HTTP 200, {@code code} the expected number (a JSON number), a message, CORS. */
    static void refused(Answer answer, int expectedCode) {
        assertThat(answer.response().statusCode()).as("HTTP status of a refusal").isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(answer.response().headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        JsonNode code = answer.json().get("code");
        assertThat(code).as(answer.json().toString()).isNotNull();
        assertThat(code.isInt()).as("code is a JSON number: " + answer.json()).isTrue();
        assertThat(code.intValue()).as(answer.json().toString()).isEqualTo(expectedCode);
        assertThat(answer.json().get("message").isTextual()).isTrue();
        assertThat(answer.json().get("message").asText()).isNotBlank();
    }

    static ObjectNode commitBody(String signature, String sessionKey) {
        return PlatformFixture.json().put("signature", signature).put("vodSessionKey", sessionKey);
    }

    /** The FileId inside a storagePath {@code /<subAppId>/<fileId>/<name>}. */
    static String fileIdOf(JsonNode apply) {
        return apply.get("video").get("storagePath").asText().split("/")[2];
    }

    static long sessions() {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM upload_sessions")
                .mapTo(Long.class).one());
    }

    static String sessionState(String sessionKey) {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT state FROM upload_sessions WHERE session_hash = :h")
                .bind("h", SessionKeys.hash(sessionKey)).mapTo(String.class).one());
    }
}
