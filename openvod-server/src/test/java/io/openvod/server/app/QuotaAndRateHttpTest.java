package io.openvod.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.config.RateLimitConfig;
import io.openvod.app.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Daily quotas and request rates, over real HTTP, on a clock the test moves. */
class QuotaAndRateHttpTest {
    @TempDir
    Path dir;
    AppBackend backend;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T23:00:00Z"));

    private String start(long uploadsPerDay, long bytesPerDay, RateLimitConfig rates) {
        backend = AppBackend.start(AppFixture.config(dir, AppFixture.keyA(),
                Map.of("user", AppFixture.role(List.of(), "", List.of(), null, uploadsPerDay, bytesPerDay, -1)), Map.of(),
                rates, AppFixture.noJwt()), clock);
        backend.services().accounts().createUser("bob", "", Optional.empty());
        return backend.services().accounts().createApiToken("bob", "", Optional.empty()).token();
    }

    @AfterEach
    void stop() {
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void uploadsQuotaShouldRefuseTheThirdSignatureUntilTheNextUtcDay() {
        String token = start(2, -1, new RateLimitConfig(0, 0));
        URI base = backend.url();
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
        AppFixture.Reply over = AppFixture.get(base, "api/v1/upload-signature", token);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.code()).isEqualTo(42901);
        assertThat(over.error()).isEqualTo("UPLOAD_QUOTA_EXCEEDED");
        assertThat(over.raw().headers().firstValue("Retry-After")).contains("3600");
        assertThat(backend.services().ledger().recent("bob", 10)).hasSize(2);
        clock.advance(Duration.ofHours(1));
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
    }

    @Test
    void bytesQuotaShouldNeedADeclaredSizeAndRefuseWhatWouldExceedIt() {
        String token = start(-1, 1000, new RateLimitConfig(0, 0));
        URI base = backend.url();
        AppFixture.Reply noSize = AppFixture.get(base, "api/v1/upload-signature", token);
        assertThat(noSize.status()).isEqualTo(400);
        assertThat(noSize.error()).isEqualTo("FILE_SIZE_REQUIRED");
        assertThat(AppFixture.get(base, "api/v1/upload-signature?fileSize=600", token).code()).isZero();
        AppFixture.Reply over = AppFixture.get(base, "api/v1/upload-signature?fileSize=401", token);
        assertThat(over.code()).isEqualTo(42902);
        assertThat(over.error()).isEqualTo("BYTES_QUOTA_EXCEEDED");
        assertThat(AppFixture.get(base, "api/v1/upload-signature?fileSize=400", token).code()).isZero();
    }

    @Test
    void perUserRateShouldRefuseWithRetryAfterAndRecoverWithTime() {
        String token = start(-1, -1, new RateLimitConfig(3, 0));
        URI base = backend.url();
        for (int i = 0; i < 3; i++) {
            assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
        }
        AppFixture.Reply limited = AppFixture.get(base, "api/v1/upload-signature", token);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(42900);
        assertThat(limited.error()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 20L);
        clock.advance(Duration.ofSeconds(20));
        assertThat(AppFixture.get(base, "api/v1/upload-signature", token).code()).isZero();
    }

    @Test
    void perAddressRateShouldApplyBeforeAuthentication() {
        start(-1, -1, new RateLimitConfig(0, 2));
        URI base = backend.url();
        assertThat(AppFixture.get(base, "api/v1/upload-signature", null).error()).isEqualTo("NOT_SIGNED_IN");
        assertThat(AppFixture.get(base, "api/v1/upload-signature", "ova_wrong").error()).isEqualTo("INVALID_TOKEN");
        assertThat(AppFixture.get(base, "api/v1/upload-signature", null).error()).isEqualTo("RATE_LIMITED");
    }
}
