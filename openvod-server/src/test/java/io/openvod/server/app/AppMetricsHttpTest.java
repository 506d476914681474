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
    void aManagementPortServesTheMetricsAndTheHealthProbesAndNothingElse() throws Exception {
        AppConfig base = config(dir, "0.0.0.0", null);
        AppHttpConfig http = base.http();
        AppConfig withManagement = new AppConfig(new AppHttpConfig(http.host(), 0, http.corsOrigins(), false, http.maxBodyBytes(), null,
                "127.0.0.1", 0), base.database(), base.vod(), base.auth(), base.policy(), base.rateLimit(), base.receipt(), base.web());
        try (AppBackend backend = AppBackend.start(withManagement, Clock.systemUTC())) {
            URI main = URI.create("http://127.0.0.1:" + backend.port() + "/");
            URI management = URI.create("http://127.0.0.1:" + backend.managementPort().orElseThrow() + "/");
            assertThat(management.getPort()).isNotEqualTo(main.getPort());

            HttpResponse<String> scraped = metrics(management, null);
            assertThat(scraped.statusCode()).as("open: the management port is on loopback").isEqualTo(200);
            assertThat(PrometheusText.parse(scraped.body()).sum("openvod_receipt_inbox_depth")).contains(0.0);
            HttpResponse<String> moved = metrics(main, null);
            assertThat(moved.statusCode()).isEqualTo(404);
            assertThat(moved.body()).contains("served on the management port");
            for (URI base2 : List.of(main, management)) {
                assertThat(HTTP.send(HttpRequest.newBuilder(base2.resolve("api/v1/health/live")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).as("live on " + base2).isEqualTo(200);
            }
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(management.resolve("api/v1/upload-signature")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.body()).contains("ENDPOINT_NOT_FOUND", "the management port serves /metrics and /api/v1/health only");
            assertThat(AppFixture.get(main, "api/v1/upload-signature", "no-such-token").status()).as("the API stays on the main port")
                    .isEqualTo(401);
        }
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
