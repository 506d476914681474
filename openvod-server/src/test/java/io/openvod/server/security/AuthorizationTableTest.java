package io.openvod.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.app.account.BearerTokens;
import io.openvod.app.account.StoredToken;
import io.openvod.app.account.TokenKind;
import io.openvod.platform.account.ApiKey;
import io.openvod.platform.testing.CosTestClient;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import io.openvod.platform.testing.Uploads;
import io.openvod.server.receipt.ReceiptStack;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSigner;
import io.openvod.signature.webhook.StandardWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way into the two services × every refusal case that applies → the documented refusal,
 * over real HTTP against a platform and an app backend started on loopback ({@link ReceiptStack}).
 * One {@link Row} per pair: the way in, the case, the request, and the expected HTTP status and
 * error code as docs/errors.md and docs/app.md give them (UGC: HTTP 200 and the numeric
 * {@code code}; COS: the status and the XML {@code Code}; API 3.0: HTTP 200 and
 * {@code Response.Error.Code}; the app: the status and {@code data.error}). Add a row to
 * {@link #rows()} to cover another pair.
 *
 * <p>Pairs left out because they do not apply: replays of requests that are not one-time by
 * design (COS requests within their key time, API 3.0 requests within the 5-minute window, JWTs
 * and bearer tokens until they expire or are revoked, webhook deliveries — a repeated
 * {@code webhook-id} is stored once and answered {@code duplicate}); "other user" for the
 * platform's credentials (they belong to an account, not to an app user); "other account" and
 * "other application" for the app's sessions and API tokens (the app serves one VOD application).
 */
class AuthorizationTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern COS_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final String ISSUER = "https://idp.example.com/";
    private static final String AUDIENCE = "openvod-app";
    private static final String HS_SECRET = "authorization-table-hs256-secret-32+bytes";
    /** A second sub-application of the stack's account. */
    private static final long OTHER_SUB_APP = 1_500_000_777L;
    /** Another account of the same platform, with its own key. */
    private static final long OTHER_ACCOUNT = 1_260_000_000L;
    private static final String OTHER_ACCOUNT_ID = "AKIDOTHERACCOUNT00000000000000000000";
    private static final String OTHER_ACCOUNT_KEY = "OtherAccountSecretKey000000000000";
    /** A key of the stack's account, revoked. */
    private static final String REVOKED_ID = "AKIDREVOKED000000000000000000000000";
    private static final String REVOKED_KEY = "RevokedSecretKey0000000000000000";
    private static final String BOB_VIDEO = "5285890800000000901";
    private static final byte[] MEDIA = "not really a video, but bytes to store".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;
    static ReceiptStack stack;
    static String platformUrl;
    static URI app;
    static Tc3TestClient tc3;
    /** Upload A and B of the stack's application, one of another sub-application, one of another account. */
    static Upload uploadA;
    static Upload uploadB;
    static Upload otherSubAppUpload;
    static Upload otherAccountUpload;
    static String committedFileId;
    static CosTestClient committedCos;
    static String committedKey;
    static String aliceSession;
    static String aliceApiToken;
    static String bobApiToken;

    /** What an Apply answered, and its multipart upload, started with its own credentials. */
    record Upload(JsonNode apply, CosTestClient cos, String key, String uploadId) {
    }

    /** What came back: the HTTP status and the error code in the way in's own code space. */
    record Outcome(int status, String code) {
    }

    /** One pair of the table. */
    record Row(String way, String refusal, Supplier<Outcome> request, Outcome expected) {
        @Override
        public String toString() {
            return way + " × " + refusal + " → " + expected.status() + " " + expected.code();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        stack = ReceiptStack.start(dir, "Review", url -> List.of("app.auth.jwt.enabled=true", "app.auth.jwt.hs256Secret=" + HS_SECRET,
                "app.auth.jwt.issuer=" + ISSUER, "app.auth.jwt.audience=" + AUDIENCE));
        platformUrl = stack.platform().url();
        app = stack.app().url();
        tc3 = new Tc3TestClient(platformUrl, Clock.systemUTC());
        var keys = stack.platform().services().keys();
        keys.addApp(PlatformFixture.APP_ID, OTHER_SUB_APP, "other");
        keys.add(new ApiKey(OTHER_ACCOUNT_ID, OTHER_ACCOUNT_KEY, OTHER_ACCOUNT, true, Instant.now(), false));
        keys.add(new ApiKey(REVOKED_ID, REVOKED_KEY, PlatformFixture.APP_ID, true, Instant.now(), false));
        assertThat(keys.revoke(REVOKED_ID)).isTrue();

        uploadA = apply(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, ReceiptStack.SUB_APP_ID);
        uploadB = apply(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, ReceiptStack.SUB_APP_ID);
        otherSubAppUpload = apply(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, OTHER_SUB_APP);
        otherAccountUpload = apply(OTHER_ACCOUNT_ID, OTHER_ACCOUNT_KEY, OTHER_ACCOUNT);
        committedFileId = commitSmallUpload();

        var accounts = stack.app().services().accounts();
        accounts.createUser("bob", "", Optional.empty());
        accounts.createUser("mallory", "", Optional.of("mallory's long password".toCharArray()));
        aliceSession = login(ReceiptStack.USER, ReceiptStack.PASSWORD).path("data").path("token").asText();
        aliceApiToken = accounts.createApiToken(ReceiptStack.USER, "table", Optional.empty()).token();
        bobApiToken = accounts.createApiToken("bob", "table", Optional.empty()).token();
        assertThat(pushSigned(stack.webhookSecret().reveal(), "msg_bob_upload", Instant.now().getEpochSecond(), bobUploadEvent(),
                UnaryOperator.identity()).statusCode()).isEqualTo(200);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stack.app().services().videos().find(BOB_VIDEO).isEmpty()) {
            assertThat(System.nanoTime()).as("bob's video is recorded").isLessThan(until);
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String ugc = "upload signature (ApplyUploadUGC)";
        rows.add(new Row(ugc, "tampered", () -> ugc("ApplyUploadUGC", applyBody(tampered(platformSignature(b -> b)))),
                new Outcome(200, "10002")));
        rows.add(new Row(ugc, "replayed", () -> {
            String once = appSignature(aliceSession);
            assertThat(ugc("ApplyUploadUGC", applyBody(once)).code()).as("first use").isEqualTo("0");
            return ugc("ApplyUploadUGC", applyBody(once));
        }, new Outcome(200, "10004")));
        rows.add(new Row(ugc, "expired", () -> ugc("ApplyUploadUGC", applyBody(platformSignature(b -> b
                .currentTimeStamp(Instant.now().minusSeconds(7200).getEpochSecond())
                .expireTime(Instant.now().minusSeconds(3600).getEpochSecond())))), new Outcome(200, "10010")));
        rows.add(new Row(ugc, "other account (its key, this account's sub-application)", () -> ugc("ApplyUploadUGC",
                applyBody(signature(OTHER_ACCOUNT_ID, OTHER_ACCOUNT_KEY, b -> b.vodSubAppId(ReceiptStack.SUB_APP_ID)))),
                new Outcome(200, "10006")));
        rows.add(new Row(ugc, "other application (commit of another sub-application's session)", () -> ugc("CommitUploadUGC",
                JSON.createObjectNode().put("signature", platformSignature(b -> b.vodSubAppId(ReceiptStack.SUB_APP_ID)))
                        .put("vodSessionKey", otherSubAppUpload.apply().get("vodSessionKey").asText())),
                new Outcome(200, "10007")));
        rows.add(new Row(ugc, "banned (revoked key)", () -> ugc("ApplyUploadUGC",
                applyBody(signature(REVOKED_ID, REVOKED_KEY, b -> b.vodSubAppId(ReceiptStack.SUB_APP_ID)))), new Outcome(200, "10003")));
        rows.add(new Row(ugc, "banned (banned app user asks the app)", () -> {
            String session = login("mallory", "mallory's long password").path("data").path("token").asText();
            stack.app().services().store().setBanned("mallory", true, Instant.now());
            return app(get("api/v1/upload-signature", session));
        }, new Outcome(403, "USER_BANNED")));

        String cos = "COS temporary credentials";
        rows.add(new Row(cos, "tampered (signed with another secret key)", () -> cos(uploadA.cos().withSecretKey("x".repeat(32))
                .putPart(uploadA.key(), uploadA.uploadId(), 1, MEDIA)), new Outcome(403, "SignatureDoesNotMatch")));
        rows.add(new Row(cos, "tampered (another security token)", () -> cos(uploadA.cos().withToken("forged-token")
                .putPart(uploadA.key(), uploadA.uploadId(), 1, MEDIA)), new Outcome(400, "InvalidToken")));
        rows.add(new Row(cos, "expired (key time over)", () -> cos(expiredCos(uploadA).putPart(uploadA.key(), uploadA.uploadId(), 1, MEDIA)),
                new Outcome(403, "AccessDenied")));
        rows.add(new Row(cos, "other account (its bucket)", () -> cos(uploadA.cos().withBucket(otherAccountUpload.cos().bucket())
                .putPart(otherAccountUpload.key(), otherAccountUpload.uploadId(), 1, MEDIA)), new Outcome(403, "AccessDenied")));
        rows.add(new Row(cos, "other application (another sub-application's upload)", () -> cos(uploadA.cos()
                .withBucket(otherSubAppUpload.cos().bucket())
                .putPart(otherSubAppUpload.key(), otherSubAppUpload.uploadId(), 1, MEDIA)), new Outcome(403, "AccessDenied")));
        rows.add(new Row(cos, "other upload (PUT part of upload B)", () -> cos(uploadA.cos()
                .putPart(uploadB.key(), uploadB.uploadId(), 1, MEDIA)), new Outcome(403, "AccessDenied")));
        rows.add(new Row(cos, "other upload (Complete of upload B)", () -> cos(uploadA.cos()
                .complete(uploadB.key(), uploadB.uploadId(), Uploads.completeXml(List.of("\"" + Uploads.md5Hex(MEDIA) + "\"")))),
                new Outcome(403, "AccessDenied")));
        rows.add(new Row(cos, "other upload (upload B's uploadId under A's key)", () -> cos(uploadA.cos()
                .putPart(uploadA.key(), uploadB.uploadId(), 1, MEDIA)), new Outcome(404, "NoSuchUpload")));

        // A Complete sent again with the same parts is idempotent (the same key and ETag); with other parts it is refused.
        rows.add(new Row(cos, "replayed (Complete sent again, other parts)", () -> {
            Upload u = apply(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, ReceiptStack.SUB_APP_ID);
            assertThat(u.cos().putPart(u.key(), u.uploadId(), 1, MEDIA).statusCode()).isEqualTo(200);
            String xml = Uploads.completeXml(List.of("\"" + Uploads.md5Hex(MEDIA) + "\""));
            assertThat(u.cos().complete(u.key(), u.uploadId(), xml).statusCode()).as("first Complete").isEqualTo(200);
            assertThat(u.cos().complete(u.key(), u.uploadId(), xml).statusCode()).as("the same Complete again").isEqualTo(200);
            return cos(u.cos().complete(u.key(), u.uploadId(), Uploads.completeXml(List.of("\"" + "0".repeat(32) + "\""))));
        }, new Outcome(400, "InvalidPart")));
        rows.add(new Row(cos, "replayed (a part PUT after Complete)", () -> {
            Upload u = apply(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, ReceiptStack.SUB_APP_ID);
            assertThat(u.cos().putPart(u.key(), u.uploadId(), 1, MEDIA).statusCode()).isEqualTo(200);
            String xml = Uploads.completeXml(List.of("\"" + Uploads.md5Hex(MEDIA) + "\""));
            assertThat(u.cos().complete(u.key(), u.uploadId(), xml).statusCode()).as("Complete").isEqualTo(200);
            return cos(u.cos().putPart(u.key(), u.uploadId(), 2, MEDIA));
        }, new Outcome(404, "NoSuchUpload")));
        rows.add(new Row(cos, "replayed (PUT over the media once committed)", () -> cos(committedCos.put(committedKey,
                "swapped after commit".getBytes(StandardCharsets.UTF_8), Map.of(), Map.of())), new Outcome(403, "InvalidAccessKeyId")));

        String api = "TC3 (API 3.0)";
        rows.add(new Row(api, "tampered (signed with another secret key)", () -> tc3(tc3.call("PullEvents", "2018-07-17",
                PlatformFixture.SECRET_ID, "y".repeat(32), now(), subApp(ReceiptStack.SUB_APP_ID))),
                new Outcome(200, "AuthFailure.SignatureFailure")));
        rows.add(new Row(api, "tampered (body changed after signing)", () -> tc3(tamperedTc3()),
                new Outcome(200, "AuthFailure.SignatureFailure")));
        rows.add(new Row(api, "expired (timestamp 10 minutes old)", () -> tc3(tc3.call("DescribeMediaInfos", "2018-07-17",
                PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, now() - 600, describe(ReceiptStack.SUB_APP_ID))),
                new Outcome(200, "AuthFailure.SignatureExpire")));
        rows.add(new Row(api, "other account (its key, this account's sub-application)", () -> tc3(tc3.call("DescribeMediaInfos",
                "2018-07-17", OTHER_ACCOUNT_ID, OTHER_ACCOUNT_KEY, now(), describe(ReceiptStack.SUB_APP_ID))),
                new Outcome(200, "InvalidParameterValue.SubAppId")));
        rows.add(new Row(api, "other account (PullEvents of its sub-application)", () -> tc3(tc3.call("PullEvents", "2018-07-17",
                OTHER_ACCOUNT_ID, OTHER_ACCOUNT_KEY, now(), subApp(ReceiptStack.SUB_APP_ID))),
                new Outcome(200, "InvalidParameterValue.SubAppId")));
        rows.add(new Row(api, "other application (media of another sub-application)", () -> {
            Tc3TestClient.Answer a = tc3.call("DescribeMediaInfos", describe(OTHER_SUB_APP));
            if (a.errorCode() != null) {
                return tc3(a);
            }
            boolean hidden = a.response().path("NotExistFileIdSet").toString().contains(committedFileId)
                    && a.response().path("MediaInfoSet").isEmpty();
            return new Outcome(a.status(), hidden ? "NotExistFileIdSet" : "visible: " + a.response());
        }, new Outcome(200, "NotExistFileIdSet")));
        rows.add(new Row(api, "banned (revoked key)", () -> tc3(tc3.call("DescribeMediaInfos", "2018-07-17", REVOKED_ID, REVOKED_KEY,
                now(), describe(ReceiptStack.SUB_APP_ID))), new Outcome(200, "AuthFailure.SecretIdNotFound")));

        String hook = "webhook (POST /api/v1/vod/events, Standard Webhooks)";
        rows.add(new Row(hook, "tampered (body changed after signing)", () -> app(pushSigned(stack.webhookSecret().reveal(), "msg_tampered",
                now(), bobUploadEvent(), body -> body.replace("bob", "eve"))), new Outcome(401, "WEBHOOK_SIGNATURE_INVALID")));
        rows.add(new Row(hook, "expired (timestamp outside the tolerance)", () -> app(pushSigned(stack.webhookSecret().reveal(),
                "msg_old", now() - 3600, bobUploadEvent(), UnaryOperator.identity())), new Outcome(401, "WEBHOOK_SIGNATURE_INVALID")));
        rows.add(new Row(hook, "other account (signed with another whsec_ secret)", () -> app(pushSigned(
                "whsec_" + Base64.getEncoder().encodeToString("another-account-webhook-key-32b!".getBytes(StandardCharsets.UTF_8)),
                "msg_other", now(), bobUploadEvent(), UnaryOperator.identity())), new Outcome(401, "WEBHOOK_SIGNATURE_INVALID")));
        rows.add(new Row(hook, "other application (its own secret, from the platform)", () -> {
            String theirs = stack.platform().node().webhookSecrets().create(OTHER_SUB_APP).secret().reveal();
            return app(pushSigned(theirs, "msg_other_app", now(), bobUploadEvent().replace("\"SubAppId\":" + ReceiptStack.SUB_APP_ID,
                    "\"SubAppId\":" + OTHER_SUB_APP), UnaryOperator.identity()));
        }, new Outcome(401, "WEBHOOK_SIGNATURE_INVALID")));
        rows.add(new Row(hook, "other application (named in a body this receiver's secret signed)", () -> app(pushSigned(
                stack.webhookSecret().reveal(), "msg_other_app_named", now(), bobUploadEvent().replace("\"SubAppId\":"
                        + ReceiptStack.SUB_APP_ID, "\"SubAppId\":" + OTHER_SUB_APP), UnaryOperator.identity())),
                new Outcome(403, "EVENT_OTHER_APPLICATION")));
        rows.add(new Row(hook, "tampered (unsigned)", () -> app(post(URI.create(stack.notificationUrl()), null, bobUploadEvent(), Map.of())),
                new Outcome(401, "WEBHOOK_SIGNATURE_INVALID")));

        for (String kind : List.of("session", "API token")) {
            boolean session = kind.equals("session");
            Supplier<String> alice = () -> session ? aliceSession : aliceApiToken;
            rows.add(new Row(kind, "tampered", () -> app(get("api/v1/videos", tamperedToken(alice.get()))), new Outcome(401, "INVALID_TOKEN")));
            rows.add(new Row(kind, "replayed (after logout / revocation)", () -> {
                String token = session ? login(ReceiptStack.USER, ReceiptStack.PASSWORD).path("data").path("token").asText()
                        : stack.app().services().accounts().createApiToken(ReceiptStack.USER, "revoked", Optional.empty()).token();
                if (session) {
                    assertThat(post(app.resolve("api/v1/logout"), token, "", Map.of()).statusCode()).isEqualTo(200);
                } else {
                    assertThat(stack.app().services().accounts().revoke(token)).isTrue();
                }
                return app(get("api/v1/videos", token));
            }, new Outcome(401, "INVALID_TOKEN")));
            rows.add(new Row(kind, "expired", () -> app(get("api/v1/videos", expiredToken(session ? TokenKind.SESSION : TokenKind.API))),
                    new Outcome(401, "TOKEN_EXPIRED")));
            rows.add(new Row(kind, "other user (bob's video)", () -> app(get("api/v1/videos/" + BOB_VIDEO, alice.get())),
                    new Outcome(404, "VIDEO_NOT_FOUND")));
            rows.add(new Row(kind, "other user (moderation)", () -> app(get("api/v1/moderation/queue", alice.get())),
                    new Outcome(403, "NOT_A_MODERATOR")));
            rows.add(new Row(kind, "other user (moderation decision on bob's video)", () -> app(post(
                    app.resolve("api/v1/moderation/videos/" + BOB_VIDEO + "/block"), alice.get(), "", Map.of())),
                    new Outcome(403, "NOT_A_MODERATOR")));
            rows.add(new Row(kind, "banned", () -> {
                String user = "banned-" + (session ? "session" : "token");
                stack.app().services().accounts().createUser(user, "", Optional.of("a long password".toCharArray()));
                String token = session ? login(user, "a long password").path("data").path("token").asText()
                        : stack.app().services().accounts().createApiToken(user, "t", Optional.empty()).token();
                stack.app().services().store().setBanned(user, true, Instant.now());
                return app(get("api/v1/videos", token));
            }, new Outcome(403, "USER_BANNED")));
        }
        rows.add(new Row("session", "banned (sign-in)", () -> {
            stack.app().services().accounts().createUser("banned-login", "", Optional.of("a long password".toCharArray()));
            stack.app().services().store().setBanned("banned-login", true, Instant.now());
            return app(loginResponse("banned-login", "a long password"));
        }, new Outcome(403, "USER_BANNED")));

        String jwt = "JWT";
        rows.add(new Row(jwt, "tampered (claims changed after signing)", () -> app(get("api/v1/videos", tamperedJwt())),
                new Outcome(401, "INVALID_TOKEN")));
        rows.add(new Row(jwt, "expired", () -> app(get("api/v1/videos", jwt("carol", ISSUER, AUDIENCE, now() - 3600, null))),
                new Outcome(401, "TOKEN_EXPIRED")));
        rows.add(new Row(jwt, "other account (another issuer)", () -> app(get("api/v1/videos",
                jwt("carol", "https://other-idp.example.com/", AUDIENCE, now() + 600, null))), new Outcome(401, "INVALID_TOKEN")));
        rows.add(new Row(jwt, "other application (another audience)", () -> app(get("api/v1/videos",
                jwt("carol", ISSUER, "another-app", now() + 600, null))), new Outcome(401, "INVALID_TOKEN")));
        rows.add(new Row(jwt, "other user (sub=bob on the account bob's video)", () -> app(get("api/v1/videos/" + BOB_VIDEO,
                jwt("bob", ISSUER, AUDIENCE, now() + 600, null))), new Outcome(404, "VIDEO_NOT_FOUND")));
        rows.add(new Row(jwt, "other user (moderation, role claim naming no policy role)", () -> app(get("api/v1/moderation/queue",
                jwt("moderator", ISSUER, AUDIENCE, now() + 600, "moderator"))), new Outcome(403, "NOT_A_MODERATOR")));
        rows.add(new Row(jwt, "banned", () -> {
            stack.app().services().store().setBanned("jwt:dave", true, Instant.now());
            return app(get("api/v1/upload-signature", jwt("dave", ISSUER, AUDIENCE, now() + 600, null)));
        }, new Outcome(403, "USER_BANNED")));
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyWayInRefusesAsDocumented(Row row) {
        Outcome actual = row.request().get();
        assertThat(actual).as(row.toString()).isEqualTo(row.expected());
    }

    /** The credentials the rows tamper with work untampered, so the refusals are for what each row changes. */
    @Test
    void theUntamperedCredentialsWork() {
        assertThat(app(get("api/v1/videos", aliceSession))).isEqualTo(new Outcome(200, ""));
        assertThat(app(get("api/v1/videos", aliceApiToken))).isEqualTo(new Outcome(200, ""));
        assertThat(app(get("api/v1/videos/" + BOB_VIDEO, bobApiToken))).isEqualTo(new Outcome(200, ""));
        assertThat(app(get("api/v1/videos", jwt("carol", ISSUER, AUDIENCE, now() + 600, null)))).isEqualTo(new Outcome(200, ""));
        assertThat(ugc("ApplyUploadUGC", applyBody(platformSignature(b -> b.vodSubAppId(ReceiptStack.SUB_APP_ID))))).isEqualTo(
                new Outcome(200, "0"));
        assertThat(tc3(tc3.call("DescribeMediaInfos", describe(ReceiptStack.SUB_APP_ID)))).isEqualTo(new Outcome(200, null));
        Upload fresh = apply(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, ReceiptStack.SUB_APP_ID);
        assertThat(cos(fresh.cos().putPart(fresh.key(), fresh.uploadId(), 1, MEDIA)).status()).isEqualTo(200);
        assertThat(app(pushSigned(stack.webhookSecret().reveal(), "msg_control", now(), bobUploadEvent(), UnaryOperator.identity())))
                .isEqualTo(new Outcome(200, ""));
    }

    // ---- the platform's UGC API

    private static Upload apply(String secretId, String secretKey, long subAppId) {
        JsonNode data = Uploads.data(ugcRaw("ApplyUploadUGC", applyBody(signature(secretId, secretKey, b -> b.vodSubAppId(subAppId)))));
        CosTestClient cos = CosTestClient.forApply(platformUrl, data);
        String key = CosTestClient.key(data.get("video").get("storagePath").asText());
        return new Upload(data, cos, key, cos.initiate(key));
    }

    private static String commitSmallUpload() {
        JsonNode data = Uploads.data(ugcRaw("ApplyUploadUGC", applyBody(platformSignature(b -> b.vodSubAppId(ReceiptStack.SUB_APP_ID)))));
        CosTestClient cos = CosTestClient.forApply(platformUrl, data);
        committedCos = cos;
        committedKey = CosTestClient.key(data.get("video").get("storagePath").asText());
        var put = cos.put(committedKey, MEDIA, Map.of(), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonNode commit = Uploads.data(ugcRaw("CommitUploadUGC", JSON.createObjectNode()
                .put("signature", platformSignature(b -> b.vodSubAppId(ReceiptStack.SUB_APP_ID)))
                .put("vodSessionKey", data.get("vodSessionKey").asText())));
        return commit.get("fileId").asText();
    }

    private static ObjectNode applyBody(String signature) {
        return Uploads.applyBody(signature, "table", "mp4", MEDIA.length);
    }

    private static String platformSignature(UnaryOperator<SignatureParameters.Builder> customize) {
        return signature(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY, customize);
    }

    private static String signature(String secretId, String secretKey, UnaryOperator<SignatureParameters.Builder> customize) {
        long now = now();
        SignatureParameters.Builder b = SignatureParameters.builder().secretId(secretId).currentTimeStamp(now).expireTime(now + 3600)
                .random(ThreadLocalRandom.current().nextLong(1L << 32));
        return UploadSigner.sign(customize.apply(b).build(), secretKey);
    }

    /** The signature with one byte of its MAC changed. */
    private static String tampered(String signature) {
        byte[] raw = Base64.getDecoder().decode(signature);
        raw[3] ^= 0x01;
        return Base64.getEncoder().encodeToString(raw);
    }

    private static JsonNode ugcRaw(String action, ObjectNode body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(platformUrl + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        return readTree(r.body());
    }

    private static Outcome ugc(String action, ObjectNode body) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(platformUrl + "/v3/index.php?Action=" + action))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        return new Outcome(r.statusCode(), readTree(r.body()).path("code").asText());
    }

    // ---- the platform's COS object API

    private static CosTestClient expiredCos(Upload upload) {
        JsonNode cert = upload.apply().get("tempCertificate");
        long past = now() - 7200;
        return new CosTestClient(platformUrl, upload.cos().bucket(),
                new io.openvod.signature.Credential(cert.get("secretId").asText(), cert.get("secretKey").asText()),
                cert.get("token").asText(), past, past + 600);
    }

    private static Outcome cos(HttpResponse<String> r) {
        Matcher m = COS_CODE.matcher(r.body());
        return new Outcome(r.statusCode(), m.find() ? m.group(1) : "");
    }

    // ---- the platform's API 3.0

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String subApp(long subAppId) {
        return "{\"SubAppId\":" + subAppId + "}";
    }

    private static String describe(long subAppId) {
        return "{\"SubAppId\":" + subAppId + ",\"FileIds\":[\"" + committedFileId + "\"]}";
    }

    private static Tc3TestClient.Answer tamperedTc3() {
        // Signed for the stack's sub-application, sent for another: the body is not what was signed.
        String signed = describe(ReceiptStack.SUB_APP_ID);
        String sent = describe(OTHER_SUB_APP);
        long ts = now();
        String host = URI.create(platformUrl).getAuthority();
        var signature = new io.openvod.signature.tc3.Tc3Signer(
                new io.openvod.signature.Credential(PlatformFixture.SECRET_ID, PlatformFixture.SECRET_KEY), "vod")
                .signJsonPost(ts, host, signed.getBytes(StandardCharsets.UTF_8));
        return tc3.send(HttpRequest.newBuilder(URI.create(platformUrl + "/"))
                .header("Content-Type", io.openvod.signature.tc3.Tc3Signer.JSON_CONTENT_TYPE)
                .header("X-TC-Action", "DescribeMediaInfos").header("X-TC-Version", "2018-07-17")
                .header("X-TC-Timestamp", Long.toString(ts)).header("Authorization", signature.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(sent)).build());
    }

    private static Outcome tc3(Tc3TestClient.Answer a) {
        return new Outcome(a.status(), a.errorCode());
    }

    // ---- the app backend

    private static String bobUploadEvent() {
        return """
                {"EventType":"NewFileUpload","SubAppId":%d,"FileUploadEvent":{"FileId":"%s","MediaBasicInfo":{"Name":"bob's clip",
                 "MediaUrl":"http://media.example/%s.mp4","CoverUrl":"","SourceInfo":{"SourceType":"Upload",
                 "SourceContext":"uid=bob&req=r-bob"}},"ProcedureTaskId":"","ReviewAudioVideoTaskId":""}}"""
                .formatted(ReceiptStack.SUB_APP_ID, BOB_VIDEO, BOB_VIDEO);
    }

    /** Pushes {@code body} signed with {@code secret}, after {@code change} (which tampers with it once signed). */
    private static HttpResponse<String> pushSigned(String secret, String id, long timestamp, String body, UnaryOperator<String> change) {
        String signature = StandardWebhooks.fromSecrets(List.of(secret)).sign(id, timestamp, body.getBytes(StandardCharsets.UTF_8));
        return post(URI.create(stack.notificationUrl()), null, change.apply(body), Map.of("webhook-id", id,
                "webhook-timestamp", Long.toString(timestamp), "webhook-signature", signature));
    }

    private static JsonNode login(String user, String password) {
        return readTree(loginResponse(user, password).body());
    }

    private static HttpResponse<String> loginResponse(String user, String password) {
        return post(app.resolve("api/v1/login"), null,
                JSON.createObjectNode().put("user", user).put("password", password).toString(), Map.of());
    }

    private static Outcome app(HttpResponse<String> r) {
        return new Outcome(r.statusCode(), readTree(r.body()).path("data").path("error").asText());
    }

    private static String appSignature(String bearer) {
        JsonNode body = readTree(get("api/v1/upload-signature", bearer).body());
        assertThat(body.path("code").asInt(-1)).as(body.toString()).isZero();
        return body.path("data").path("signature").asText();
    }

    private static String tamperedToken(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    /** A token of alice's whose expiry has passed, stored as the service stores one. */
    private static String expiredToken(TokenKind kind) {
        String token = BearerTokens.newToken(kind);
        Instant past = Instant.now().minus(Duration.ofHours(2));
        stack.app().services().store().saveToken(new StoredToken(BearerTokens.hash(token), ReceiptStack.USER, kind, "expired", past,
                Optional.of(past.plus(Duration.ofHours(1)))));
        return token;
    }

    private static String jwt(String sub, String iss, String aud, long exp, String role) {
        ObjectNode claims = JSON.createObjectNode().put("sub", sub).put("iss", iss).put("aud", aud).put("exp", exp);
        if (role != null) {
            claims.put("role", role);
        }
        return hs256(claims);
    }

    /** carol's token with its payload swapped for bob's, the signature kept. */
    private static String tamperedJwt() {
        String carol = jwt("carol", ISSUER, AUDIENCE, now() + 600, null);
        String[] parts = carol.split("\\.");
        String bob = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.createObjectNode().put("sub", "bob").put("iss", ISSUER)
                .put("aud", AUDIENCE).put("exp", now() + 600).toString().getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + bob + "." + parts[2];
    }

    private static String hs256(ObjectNode claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HS_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP

    private static HttpResponse<String> get(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(app.resolve(path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    private static HttpResponse<String> post(URI uri, String bearer, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
