package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.signing.SourceContext;
import io.openvod.core.trace.LogContext;
import io.openvod.core.trace.TracingConfig;
import io.openvod.signature.Credential;
import io.openvod.signature.SecretKeyLookup;
import io.openvod.signature.UploadSignatureVerifier;
import io.openvod.testing.OtlpCollector;
import io.openvod.testing.TestSecrets;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signature request begins its upload's trace, over real HTTP on a real SQLite ledger: the trace
 * id is the request id's hex digits, the answer names it ({@code traceparent} header and field),
 * the audit row keeps it, the log lines carry it, and the steps go where the {@code tracing:}
 * section says.
 */
class SignatureTraceHttpTest {
    @TempDir
    Path dir;

    private AppBackend start(TracingConfig tracing) {
        var roles = Map.of("user", AppFixture.role(List.of("ReviewAndTranscode"), "", List.of(), null, -1, -1, -1));
        AppBackend backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(), roles, Map.of(), new RateLimitConfig(0, 0),
                AppFixture.noJwt()), tracing, Clock.systemUTC());
        backend.services().accounts().createUser("alice", "", Optional.empty());
        return backend;
    }

    private static String token(AppBackend backend) {
        String token = backend.services().accounts().createApiToken("alice", "trace", Optional.empty()).token();
        TestSecrets.remember(token);
        return token;
    }

    /** The request id of an answer, and the trace id it names: the same UUID without its dashes. */
    private static String requestId(AppFixture.Reply r) {
        return r.raw().headers().firstValue("X-Request-Id").orElseThrow();
    }

    private static String traceIdOf(String requestId) {
        return requestId.replace("-", "");
    }

    @Test
    void aSignatureBeginsTheTraceItsRequestIdNamesAndItsAuditRowKeepsIt() throws Exception {
        try (AppLogLines logs = new AppLogLines(); AppBackend backend = start(TracingConfig.off())) {
            AppFixture.Reply r = AppFixture.get(backend.url(), "api/v1/upload-signature?procedure=ReviewAndTranscode", token(backend));
            assertThat(r.status()).isEqualTo(200);

            String requestId = requestId(r);
            String traceId = traceIdOf(requestId);
            String traceparent = "00-" + traceId + "-" + traceId.substring(16) + "-01";
            assertThat(traceId).matches("[0-9a-f]{32}");
            assertThat(r.raw().headers().firstValue("traceparent")).contains(traceparent);
            assertThat(r.body().path("data").path("traceparent").asText()).isEqualTo(traceparent);
            String signed = UploadSignatureVerifier.builder(SecretKeyLookup.of(new Credential(AppFixture.KEY_A_ID, AppFixture.KEY_A)))
                    .build().verify(r.signature()).orElseThrow().parameters().sourceContext().orElseThrow();
            assertThat(SourceContext.parse(signed).orElseThrow().requestId()).isEqualTo(requestId);

            assertThat(storedTraceId(requestId)).isEqualTo(traceId);
            assertThat(backend.services().ledger().recent("alice", 10)).extracting(IssuedSignature::traceId)
                    .containsExactly(Optional.of(traceId));

            ILoggingEvent issued = logs.await("issued signature " + requestId);
            assertThat(issued.getMDCPropertyMap()).containsEntry(LogContext.TRACE_ID, traceId)
                    .containsEntry(LogContext.SPAN_ID, traceId.substring(16)).containsEntry(LogContext.REQUEST_ID, requestId);

            HttpRequest fromPage = HttpRequest.newBuilder(backend.url().resolve("api/v1/upload-signature")).GET()
                    .header("Origin", "https://app.example.com").header("Authorization", "Bearer " + token(backend)).build();
            assertThat(AppFixture.send(fromPage).raw().headers().firstValue("Access-Control-Expose-Headers").orElse(""))
                    .as("a page may read the trace").contains("traceparent");
        }
    }

    @Test
    void refusalsNameTheirTraceTooAndRecordNothing() throws Exception {
        try (AppBackend backend = start(TracingConfig.off())) {
            AppFixture.Reply refused = AppFixture.get(backend.url(), "api/v1/upload-signature?procedure=Other", token(backend));
            AppFixture.Reply anonymous = AppFixture.get(backend.url(), "api/v1/upload-signature", null);

            assertThat(refused.error()).isEqualTo("PROCEDURE_NOT_ALLOWED");
            assertThat(anonymous.status()).isEqualTo(401);
            for (AppFixture.Reply r : List.of(refused, anonymous)) {
                String traceId = traceIdOf(requestId(r));
                assertThat(r.raw().headers().firstValue("traceparent")).contains("00-" + traceId + "-" + traceId.substring(16) + "-01");
                assertThat(r.body().path("data").has("traceparent")).isFalse();
            }
            assertThat(backend.services().ledger().recent("alice", 10)).isEmpty();
        }
    }

    @Test
    void aFailureIsLoggedWithTheRequestIdOfItsAnswer() throws Exception {
        try (AppLogLines logs = new AppLogLines(); AppBackend backend = start(TracingConfig.off())) {
            String token = token(backend);
            ((AutoCloseable) backend.services().ledger()).close();
            AppFixture.Reply r = AppFixture.get(backend.url(), "api/v1/upload-signature", token);
            assertThat(r.status()).isEqualTo(500);

            String requestId = requestId(r);
            ILoggingEvent failed = logs.await("request " + requestId);
            assertThat(failed.getLevel()).isEqualTo(Level.ERROR);
            assertThat(failed.getMDCPropertyMap()).containsEntry(LogContext.REQUEST_ID, requestId);
        }
    }

    @Test
    void theSignatureStepsGoWhereTheTracingSectionSays() throws Exception {
        try (OtlpCollector collector = OtlpCollector.start()) {
            String issuedTrace;
            String refusedTrace;
            try (AppBackend backend = start(new TracingConfig(Optional.of(collector.endpoint()), Duration.ofSeconds(5)))) {
                String token = token(backend);
                issuedTrace = traceIdOf(requestId(AppFixture.get(backend.url(), "api/v1/upload-signature?procedure=ReviewAndTranscode",
                        token)));
                refusedTrace = traceIdOf(requestId(AppFixture.get(backend.url(), "api/v1/upload-signature?procedure=Other", token)));
            } // closing the app sends what is left
            assertThat(collector.awaitTraces(Duration.ofSeconds(10), issuedTrace, refusedTrace))
                    .as("the issued signature's step and the refused request's").isTrue();
            assertThat(collector.exported()).contains("openvod-app", "signature", "openvod.user_id",
                    "alice", "openvod.procedure", "ReviewAndTranscode", "PROCEDURE_NOT_ALLOWED");
        }
    }

    private String storedTraceId(String requestId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
             PreparedStatement s = c.prepareStatement("SELECT trace_id FROM issued_signatures WHERE request_id = ?")) {
            s.setString(1, requestId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the audit row of " + requestId).isTrue();
                return rs.getString(1);
            }
        }
    }
}
