package io.openvod.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void burstShouldEqualTheRateThenRefillSteadily() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RateLimiter limiter = new RateLimiter(6, clock);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("u")).as("request %d", i).isEmpty();
        }
        assertThat(limiter.acquire("u")).hasValue(10);
        assertThat(limiter.acquire("other")).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        assertThat(limiter.acquire("u")).isEmpty();
        assertThat(limiter.acquire("u")).isPresent();
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("u")).isEmpty();
        }
        assertThat(limiter.acquire("u")).isPresent();
    }

    @Test
    void zeroShouldMeanUnlimited() {
        RateLimiter limiter = new RateLimiter(0, new MutableClock(0));
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("u")).isEmpty();
        }
    }
}
