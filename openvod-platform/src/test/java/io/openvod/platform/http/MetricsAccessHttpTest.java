package io.openvod.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.openvod.core.Secret;
import io.openvod.core.metrics.ManagementListener;
import io.openvod.core.metrics.MetricsAccess;
import io.openvod.platform.config.PlatformHttpConfig;
import io.openvod.testing.PrometheusText;
import io.openvod.testing.TestSecrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may read the platform's {@code GET /metrics}, over real HTTP. */
class MetricsAccessHttpTest {
    private static final String TOKEN = TestSecrets.remember("platform-metrics-token-5b1e0c77");
    private final HttpClient http = HttpClient.newHttpClient();

    private static PlatformHttpServer start(String host, PrometheusMeterRegistry registry, Optional<Secret> token) {
        PlatformHttpServer.Services services = new PlatformHttpServer.Services(null, null, null, null, null, null, false,
                List.of("myqcloud.com"), "*", Clock.systemUTC(), null, null);
        return PlatformHttpServer.start(host, 0, services, Optional.empty(), registry, MetricsAccess.forHost(host, token));
    }

    private HttpResponse<String> metrics(PlatformHttpServer server, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beyondLoopbackTheConfiguredTokenIsRequired() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("openvod.test.marker").register(registry).increment(3);
        try (PlatformHttpServer server = start("0.0.0.0", registry, Optional.of(Secret.of(TOKEN)))) {
            assertThat(metrics(server, null).statusCode()).isEqualTo(401);
            assertThat(metrics(server, null).headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(metrics(server, "Bearer not-" + TOKEN).statusCode()).isEqualTo(401);
            HttpResponse<String> allowed = metrics(server, "Bearer " + TOKEN);
            assertThat(allowed.statusCode()).isEqualTo(200);
            PrometheusText text = PrometheusText.parse(allowed.body());
            assertThat(text.sum("openvod_test_marker_total")).contains(3.0);
            assertThat(text.sum("openvod_http_server_requests_seconds_count", "route", "metrics", "outcome", "4xx")).contains(3.0);
        }
    }

    @Test
    void beyondLoopbackWithoutATokenTheEndpointIsOff() throws Exception {
        try (PlatformHttpServer server = start("0.0.0.0", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty())) {
            assertThat(metrics(server, null).statusCode()).isEqualTo(404);
            assertThat(metrics(server, "Bearer " + TOKEN).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void onLoopbackNoTokenIsNeededUnlessOneIsSet() throws Exception {
        try (PlatformHttpServer open = start("127.0.0.1", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Optional.empty());
             PlatformHttpServer guarded = start("127.0.0.1", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                     Optional.of(Secret.of(TOKEN)))) {
            assertThat(metrics(open, null).statusCode()).isEqualTo(200);
            assertThat(metrics(guarded, null).statusCode()).isEqualTo(401);
            assertThat(metrics(guarded, "Bearer " + TOKEN).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aManagementPortServesTheMetricsAndTheHealthProbesAndNothingElse() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("openvod.test.marker").register(registry).increment(2);
        PlatformHttpServer.Services services = new PlatformHttpServer.Services(null, null, null, null, null, null, false,
                List.of("myqcloud.com"), "*", Clock.systemUTC(), null, null);
        ManagementListener listener = new PlatformHttpConfig("0.0.0.0", 0, "", "", null, null, "127.0.0.1", 0).management().orElseThrow();
        try (PlatformHttpServer server = PlatformHttpServer.start("0.0.0.0", 0, services, Optional.empty(), registry,
                MetricsAccess.forHost("0.0.0.0", Optional.empty()),
                Optional.of(new PlatformHttpServer.Management(listener, listener.access(Optional.empty()))), Optional.empty())) {
            int management = server.managementPort().orElseThrow();
            assertThat(management).isNotEqualTo(server.port());

            HttpResponse<String> scraped = get(management, "/metrics");
            assertThat(scraped.statusCode()).as("open: the management port is on loopback").isEqualTo(200);
            assertThat(PrometheusText.parse(scraped.body()).sum("openvod_test_marker_total")).contains(2.0);
            HttpResponse<String> moved = get(server.port(), "/metrics");
            assertThat(moved.statusCode()).isEqualTo(404);
            assertThat(moved.body()).contains("served on the management port");
            assertThat(get(management, "/health/live").statusCode()).isEqualTo(200);
            assertThat(get(server.port(), "/health/live").statusCode()).as("probes stay on the main port").isEqualTo(200);
            HttpResponse<String> api = get(management, "/v3/index.php");
            assertThat(api.statusCode()).isEqualTo(404);
            assertThat(api.body()).contains("serves /metrics and /health only");
        }
    }

    @Test
    void theManagementPortIsNotTheServicesOwn() {
        assertThat(new PlatformHttpConfig("127.0.0.1", 8082, "", "", null).management()).isEmpty();
        assertThat(new PlatformHttpConfig("127.0.0.1", 8082, "", "", null, null, null, 9082).management())
                .contains(new ManagementListener("127.0.0.1", 9082));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlatformHttpConfig("127.0.0.1", 8082, "", "", null, null, null, 8082))
                .hasMessageContaining("managementPort 8082 is the service's own port");
    }

    @Test
    void theTokenIsNeverPrintedWithTheConfiguration() {
        PlatformHttpConfig config = new PlatformHttpConfig("0.0.0.0", 8082, "", "", null, Secret.of(TOKEN));
        assertThat(config.toString()).doesNotContain(TOKEN).contains("metricsToken=****");
        assertThat(config.metricsTokenIfAny()).contains(Secret.of(TOKEN));
        assertThat(new PlatformHttpConfig("127.0.0.1", 8082, "", "", null).metricsTokenIfAny()).isEmpty();
    }
}
