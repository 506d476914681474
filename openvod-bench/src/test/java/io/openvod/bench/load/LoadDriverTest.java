package io.openvod.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Drives the hello server for a second at a time, on loopback. */
class LoadDriverTest {
    private static Server server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = HelloServer.start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/upload-signature";
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @Test
    void countsGoodResponsesAsThroughput() throws Exception {
        LoadResult r = LoadDriver.run(LoadOptions.parse(new String[] {
                "--url", url, "--concurrency", "2", "--warmup", "0", "--duration", "1", "--label", "hello", "--json"}));
        assertThat(r.ok()).isPositive();
        assertThat(r.bad()).isZero();
        assertThat(r.okPerSecond()).containsExactly(r.ok());
        assertThat(r.json()).startsWith("{\"label\":\"hello\",").contains("\"bad\":0,").endsWith("]}");
        assertThat(r.summary()).contains("requests/s").contains("p99");
    }

    @Test
    void aBodyWithoutTheExpectedTextIsBad() throws Exception {
        LoadResult r = LoadDriver.run(LoadOptions.parse(new String[] {
                "--url", url, "--concurrency", "1", "--warmup", "0", "--duration", "1", "--expect", "\"code\":1"}));
        assertThat(r.ok()).isZero();
        assertThat(r.bad()).isPositive();
        assertThat(r.firstError()).startsWith("HTTP 200: {\"code\":0");
    }

    @Test
    void refusesABadCommandLine() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--concurrency", "4"})).hasMessageContaining("--url");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", "https://example.invalid/"}))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--url", url, "--duration", "0"}))
                .hasMessageContaining("--duration");
    }
}
