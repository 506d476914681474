package io.openvod.server.app;

import static io.openvod.server.app.AppFixture.KEY_A;
import static io.openvod.server.app.AppFixture.KEY_A_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.policy.UserPolicy;
import io.openvod.app.signing.SourceContext;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.SignatureParameters;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.signature.VerifiedUploadSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature endpoint over real HTTP: what a permitted user gets, and what is refused. */
class SignatureHttpTest {
    @TempDir
    Path dir;
    AppBackend backend;
    URI base;
    String token;

    @BeforeEach
    void start() {
        var roles = Map.of("user", AppFixture.role(List.of("ReviewAndTranscode", "LongVideoPreset"), "", List.of(3L, 5L), 3L, -1, -1, 1_000_000),
                "vip", AppFixture.role(List.of("LongVideoPreset"), "LongVideoPreset", List.of(), null, -1, -1, -1));
        backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(), roles, Map.of("carol",
                        new UserPolicy("vip", null, null, null, null, null, null, null, null, null, null)),
                new RateLimitConfig(0, 0), AppFixture.noJwt()), Clock.systemUTC());
        base = backend.url();
        backend.services().accounts().createUser("alice", "", Optional.empty());
        token = backend.services().accounts().createApiToken("alice", "test", Optional.empty()).token();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private static VerifiedUploadSignature verify(String signature) {
        return UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(KEY_A_ID, KEY_A))).build()
                .verify(signature).orElseThrow();
    }

    @Test
    void permittedUserShouldGetASignatureThatVerifiesAndFollowsThePolicy() {
        AppFixture.Reply r = AppFixture.get(base, "api/v1/upload-signature?procedure=ReviewAndTranscode&fileName=a.mp4&fileSize=1000", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().size()).isEqualTo(3);
        assertThat(r.code()).isZero();
        assertThat(r.body().get("message").asText()).isEqualTo("ok");
        assertThat(r.body().get("data").size()).as("the signature and its trace").isEqualTo(2);

        SignatureParameters p = verify(r.signature()).parameters();
        assertThat(p.secretId()).isEqualTo(KEY_A_ID);
        assertThat(p.procedure()).contains("ReviewAndTranscode");
        assertThat(p.classId()).contains(3L);
        assertThat(p.oneTimeValid()).isTrue();
        assertThat(p.validity()).isEqualTo(Duration.ofMinutes(10));
        assertThat(p.vodSubAppId()).contains(1500000001L);
        SourceContext context = SourceContext.parse(p.sourceContext().orElseThrow()).orElseThrow();
        assertThat(context.userId()).isEqualTo("alice");
        assertThat(p.sessionContext()).isEqualTo(p.sourceContext());
        assertThat(r.raw().headers().firstValue("X-Request-Id")).contains(context.requestId());
    }

    @Test
    void requestWithoutProcedureShouldSignNoneAndNoSessionContext() {
        SignatureParameters p = verify(AppFixture.get(base, "getUploadSignature", token).signature()).parameters();
        assertThat(p.procedure()).isEmpty();
        assertThat(p.sessionContext()).isEmpty();
        assertThat(p.classId()).contains(3L);
    }

    @Test
    void postWithJsonOrFormShouldWorkAndPerUserRoleShouldApply() {
        backend.services().accounts().createUser("carol", "", Optional.empty());
        String carol = backend.services().accounts().createApiToken("carol", "", Optional.empty()).token();
        AppFixture.Reply json = AppFixture.post(base, "api/v1/upload-signature", carol, "application/json", "{\"fileSize\":5}");
        assertThat(verify(json.signature()).parameters().procedure()).contains("LongVideoPreset");
        AppFixture.Reply form = AppFixture.post(base, "getUploadSignature", token, "application/x-www-form-urlencoded", "classId=5");
        assertThat(verify(form.signature()).parameters().classId()).contains(5L);
    }

    @Test
    void disallowedInputsShouldBeRefusedWithTheirCodesAndNeverSigned() {
        expect(AppFixture.get(base, "api/v1/upload-signature?procedure=Other", token), 403, 40301, "PROCEDURE_NOT_ALLOWED");
        expect(AppFixture.get(base, "api/v1/upload-signature?classId=4", token), 403, 40302, "CLASS_NOT_ALLOWED");
        expect(AppFixture.get(base, "api/v1/upload-signature?fileSize=1000001", token), 403, 40303, "FILE_TOO_LARGE");
        expect(AppFixture.get(base, "api/v1/upload-signature?sourceContext=x", token), 403, 40304, "OPTION_NOT_ALLOWED");
        expect(AppFixture.get(base, "api/v1/upload-signature?oneTimeValid=0", token), 403, 40304, "OPTION_NOT_ALLOWED");
        expect(AppFixture.get(base, "api/v1/upload-signature?bogus=1", token), 400, 40000, "BAD_REQUEST");
        expect(AppFixture.get(base, "api/v1/upload-signature?fileSize=-1", token), 400, 40000, "BAD_REQUEST");
        expect(AppFixture.post(base, "api/v1/upload-signature", token, "application/json", "{not json"), 400, 40000, "BAD_REQUEST");
        expect(AppFixture.post(base, "api/v1/upload-signature", token, "application/json", "[1]"), 400, 40000, "BAD_REQUEST");
        expect(AppFixture.post(base, "api/v1/upload-signature", token, "application/json", "{\"fileName\":\"" + "x".repeat(20000) + "\"}"),
                400, 40000, "BAD_REQUEST");
        expect(AppFixture.get(base, "api/v1/nothing-here", token), 404, 40400, "ENDPOINT_NOT_FOUND");
        assertThat(backend.services().ledger().recent("alice", 10)).isEmpty();
    }

    @Test
    void everyIssuedSignatureShouldHaveAnAuditRowThatNeverHoldsTheKeyOrTheSignature() throws Exception {
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            signatures.add(AppFixture.get(base, "api/v1/upload-signature?fileName=v" + i + ".mp4&fileSize=" + (i + 10), token).signature());
        }
        List<IssuedSignature> rows = backend.services().ledger().recent("alice", 10);
        assertThat(rows).hasSize(3);
        for (String s : signatures) {
            SignatureParameters p = verify(s).parameters();
            String requestId = SourceContext.parse(p.sourceContext().orElseThrow()).orElseThrow().requestId();
            IssuedSignature row = rows.stream().filter(x -> x.requestId().equals(requestId)).findFirst().orElseThrow();
            assertThat(row.secretId()).isEqualTo(KEY_A_ID);
            assertThat(row.expiresAt()).isEqualTo(p.expiresAt());
            assertThat(row.random()).isEqualTo(p.random());
            assertThat(row.clientIp()).isIn("127.0.0.1", "[0:0:0:0:0:0:0:1]", "0:0:0:0:0:0:0:1");
        }
        assertThat(allStoredText()).allSatisfy(v -> {
            assertThat(v).doesNotContain(KEY_A);
            signatures.forEach(sig -> assertThat(v).doesNotContain(sig));
        });
    }

    @Test
    void aLedgerFailureShouldAnswerInternalErrorAndNoSignature() throws Exception {
        ((AutoCloseable) backend.services().ledger()).close();
        AppFixture.Reply r = AppFixture.get(base, "api/v1/upload-signature", token);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.code()).isEqualTo(50000);
        assertThat(r.error()).isEqualTo("INTERNAL_ERROR");
        assertThat(r.body().path("data").has("signature")).isFalse();
        assertThat(r.body().get("message").asText()).contains(r.raw().headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void corsShouldAnswerAllowedOriginsOnly() {
        HttpRequest preflight = HttpRequest.newBuilder(base.resolve("api/v1/upload-signature"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build();
        var ok = AppFixture.send(preflight).raw().headers();
        assertThat(ok.firstValue("Access-Control-Allow-Origin")).contains("https://app.example.com");
        assertThat(ok.firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("authorization");
        HttpRequest evil = HttpRequest.newBuilder(base.resolve("api/v1/upload-signature")).GET()
                .header("Origin", "https://evil.example.com").header("Authorization", "Bearer " + token).build();
        assertThat(AppFixture.send(evil).raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static void expect(AppFixture.Reply r, int status, int code, String error) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.error()).isEqualTo(error);
        assertThat(r.body().get("message").asText()).isNotBlank();
        assertThat(r.body().path("data").has("signature")).isFalse();
    }

    private List<String> allStoredText() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet t = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (t.next()) {
                    tables.add(t.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            String v = rs.getString(i);
                            if (v != null) {
                                values.add(v);
                            }
                        }
                    }
                }
            }
        }
        assertThat(values).isNotEmpty();
        return values;
    }
}
