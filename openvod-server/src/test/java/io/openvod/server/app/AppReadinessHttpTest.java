package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.AppConfig;
import io.openvod.app.config.AppDatabaseConfig;
import io.openvod.app.config.RateLimitConfig;
import io.openvod.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/health/live} and {@code /api/v1/health/ready} over real HTTP while the app's PostgreSQL refuses connections and comes back. */
class AppReadinessHttpTest {
    @TempDir
    Path dir;

    @Test
    void readinessFollowsTheDatabaseAndLivenessStaysUp() throws Exception {
        String jdbcUrl = TestPostgres.newDatabaseUrl();
        AppConfig base = AppFixture.config(dir, AppFixture.keyA(), Map.of("user", AppFixture.role(List.of(), "", List.of(), null, -1, -1, -1)),
                Map.of(), new RateLimitConfig(0, 0), AppFixture.noJwt());
        AppConfig config = new AppConfig(base.http(), new AppDatabaseConfig(jdbcUrl), base.vod(), base.auth(), base.policy(),
                base.rateLimit(), base.receipt(), base.web());
        try (AppBackend backend = AppBackend.start(config, Clock.systemUTC())) {
            AppFixture.Reply ready = AppFixture.get(backend.url(), "api/v1/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.code()).isZero();
            assertThat(ready.body().path("data").path("status").asText()).isEqualTo("ready");
            assertThat(ready.body().path("data").path("checks").path("database").path("status").asText()).isEqualTo("up");
            assertThat(ready.body().path("data").path("checks").fieldNames()).toIterable().containsExactly("database");

            TestPostgres.allowConnections(jdbcUrl, false);
            long start = System.nanoTime();
            AppFixture.Reply down = AppFixture.get(backend.url(), "api/v1/health/ready", null);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.code()).isEqualTo(50303);
            assertThat(down.body().path("data").path("error").asText()).isEqualTo("NOT_READY");
            assertThat(down.body().path("data").path("status").asText()).isEqualTo("not ready");
            assertThat(down.body().path("data").path("checks").path("database").path("status").asText()).isEqualTo("down");
            assertThat(down.body().path("data").path("checks").path("database").path("error").asText()).isNotBlank();
            assertThat(down.raw().body()).doesNotContain(jdbcUrl, AppFixture.KEY_A);
            for (String live : List.of("api/v1/health/live", "api/v1/health")) {
                AppFixture.Reply reply = AppFixture.get(backend.url(), live, null);
                assertThat(reply.status()).as(live).isEqualTo(200);
                assertThat(reply.body().path("data").path("status").asText()).isEqualTo("up");
            }

            TestPostgres.allowConnections(jdbcUrl, true);
            Instant until = Instant.now().plusSeconds(40);
            AppFixture.Reply again = AppFixture.get(backend.url(), "api/v1/health/ready", null);
            while (again.status() != 200 && Instant.now().isBefore(until)) {
                Thread.sleep(250);
                again = AppFixture.get(backend.url(), "api/v1/health/ready", null);
            }
            assertThat(again.status()).as(again.raw().body()).isEqualTo(200);
        }
    }
}
