package io.openvod.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void burstShouldEqualTheRateThenRefillSteadily() {
        StepClock clock = new StepClock();
        RateLimiter limiter = new RateLimiter(6, clock);
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("u")).as("request %d", i).isEmpty();
        }
        assertThat(limiter.acquire("u")).hasValue(10);
        assertThat(limiter.acquire("other")).isEmpty();
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        assertThat(limiter.acquire("u")).isEmpty();
        assertThat(limiter.acquire("u")).isPresent();
        clock.now = clock.now.plus(Duration.ofHours(1));
        for (int i = 0; i < 6; i++) {
            assertThat(limiter.acquire("u")).isEmpty();
        }
        assertThat(limiter.acquire("u")).isPresent();
    }

    @Test
    void zeroShouldMeanUnlimited() {
        RateLimiter limiter = new RateLimiter(0, new StepClock());
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("u")).isEmpty();
        }
    }
}
