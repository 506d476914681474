package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.AppConfig;
import io.openvod.app.config.AppHttpConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.core.Secret;
import io.openvod.server.logging.TraceLogCapture;
import io.openvod.testing.PrometheusText;
import io.openvod.testing.TestSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} of the app backend over real HTTP: the counters a flow implies, and who may read them. */
class AppMetricsHttpTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static AppConfig config(Path dir, String host, Secret metricsToken) {
        AppConfig base = AppFixture.config(dir, AppFixture.keyA(),
                Map.of("user", AppFixture.role(List.of(), "", List.of(), null, 2, -1, -1)), Map.of(),
                new RateLimitConfig(0, 0), AppFixture.noJwt());
        AppHttpConfig http = base.http();
        return new AppConfig(new AppHttpConfig(host, 0, http.corsOrigins(), false, http.maxBodyBytes(), metricsToken),
                base.database(), base.vod(), base.auth(), base.policy(), base.rateLimit(), base.receipt(), base.web());
    }

    private static HttpResponse<String> metrics(URI base, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("metrics")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void signaturesIssuedAndRefusedAreCountedWithTheRequestsThatAskedForThem() throws Exception {
        try (AppBackend backend = AppBackend.start(config(dir, "127.0.0.1", null), Clock.systemUTC())) {
            backend.services().accounts().createUser("bob", "", Optional.empty());
            String token = backend.services().accounts().createApiToken("bob", "", Optional.empty()).token();
            URI base = backend.url();
            assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
            assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
            assertThat(AppFixture.get(base, "api/v1/upload-signature", token).error()).isEqualTo("UPLOAD_QUOTA_EXCEEDED");
            assertThat(AppFixture.get(base, "api/v1/videos/5285890800000000001", token).status()).isEqualTo(404);

            HttpResponse<String> answer = metrics(base, null);
            assertThat(answer.statusCode()).as("open on loopback without a token").isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
            PrometheusText text = PrometheusText.parse(answer.body());

            assertThat(text.sum("openvod_signatures_issued_total")).contains(2.0);
            assertThat(text.sum("openvod_signatures_refused_total", "reason", "UPLOAD_QUOTA_EXCEEDED")).contains(1.0);
            assertThat(text.sum("openvod_signatures_refused_total")).contains(1.0);
            String route = "/api/v1/upload-signature";
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", route, "method", "GET", "outcome", "2xx"))
                    .contains(2.0);
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", route, "outcome", "4xx")).contains(1.0);
            assertThat(text.find("openvod_http_server_requests_seconds_bucket", "route", route, "outcome", "2xx"))
                    .as("a latency histogram").isNotEmpty();
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", "/api/v1/videos/{fileId}", "outcome", "4xx"))
                    .as("by route template").contains(1.0);
            assertThat(text.samples()).as("no raw path, FileId or user in a label")
                    .allSatisfy(s -> assertThat(s.labels().values()).noneMatch(v -> v.contains("5285890800000000001") || v.equals("bob")));
            assertThat(text.sum("openvod_receipt_inbox_depth")).contains(0.0);
            assertThat(text.sum("hikaricp_connections_max", "pool", "openvod-app-db")).get().isNotEqualTo(0.0);
            assertThat(text.sum("jvm_memory_used_bytes")).get().matches(v -> v > 0);
            assertThat(text.samples()).extracting(PrometheusText.Sample::name).allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
        }
    }

    @Test
    void beyondLoopbackTheMetricsNeedTheConfiguredTokenWhichNeverReachesTheLog() throws Exception {
        String token = TestSecrets.remember("metrics-token-" + Long.toHexString(System.nanoTime()) + "-app");
        TraceLogCapture logs = new TraceLogCapture();
        try (logs; AppBackend backend = AppBackend.start(config(dir, "0.0.0.0", Secret.of(token)), Clock.systemUTC())) {
            URI base = backend.url();
            assertThat(metrics(base, null).statusCode()).isEqualTo(401);
            assertThat(metrics(base, "Bearer wrong-" + token).statusCode()).isEqualTo(401);
            assertThat(metrics(base, token).statusCode()).as("without the Bearer scheme").isEqualTo(401);
            HttpResponse<String> allowed = metrics(base, "Bearer " + token);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(PrometheusText.parse(allowed.body()).sum("openvod_http_server_requests_seconds_count", "route", "/metrics",
                    "outcome", "4xx")).contains(3.0);
            assertThat(allowed.body()).doesNotContain(token);
            assertThat(backend.services().config().toString()).doesNotContain(token);
        }
        logs.assertNoneContains(List.of(token));
    }

    @Test
    void beyondLoopbackWithoutATokenTheMetricsAreOff() throws Exception {
        try (AppBackend backend = AppBackend.start(config(dir, "0.0.0.0", null), Clock.systemUTC())) {
            HttpResponse<String> answer = metrics(backend.url(), null);
            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.body()).doesNotContain("jvm_");
        }
    }
}
