package io.openvod.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    interface Body {
        Health run() throws Exception;
    }

    private static HealthCheck check(String name, Body body) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Health check() throws Exception {
                return body.run();
            }
        };
    }

    @Test
    void readyWhenEveryCheckIsUpOrIdle() {
        Readiness readiness = Readiness.of(List.of(check("a", Health::up), check("b", Health::idle)));
        Readiness.Report report = readiness.check();
        assertThat(report.ready()).isTrue();
        assertThat(report.body()).containsEntry("status", "ready");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> checks = (Map<String, Map<String, Object>>) report.body().get("checks");
        assertThat(checks.keySet()).containsExactly("a", "b");
        assertThat(checks.get("b")).containsEntry("status", "idle").containsKey("millis").doesNotContainKey("error");
    }

    @Test
    void aThrowingCheckIsDownAndTheOthersStillAnswer() {
        Readiness readiness = Readiness.of(List.of(check("db", () -> {
            throw new IllegalStateException("connection refused");
        }), check("storage", Health::up)));
        Readiness.Report report = readiness.check();
        assertThat(report.ready()).isFalse();
        assertThat(report.body()).containsEntry("status", "not ready");
        assertThat(report.checks().get("db").health().error()).contains("connection refused");
        assertThat(report.checks().get("storage").health().state()).isEqualTo(Health.State.UP);
    }

    @Test
    void aHangingCheckIsDownWithinTheTimeLimitAndIsNotStartedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Readiness readiness = new Readiness(List.of(check("slow", () -> {
            runs.incrementAndGet();
            release.await();
            return Health.up();
        }), check("fast", Health::up)), Duration.ofMillis(300));
        long start = System.nanoTime();
        Readiness.Report first = readiness.check();
        Readiness.Report second = readiness.check();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(first.ready()).isFalse();
        assertThat(first.checks().get("slow").health().error().orElseThrow()).contains("no answer within 300 ms");
        assertThat(first.checks().get("fast").health().ok()).isTrue();
        assertThat(second.ready()).isFalse();
        assertThat(runs).hasValue(1);

        release.countDown();
        Thread.sleep(100);
        assertThat(readiness.check().ready()).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void eachProbeSeesTheCurrentStateOfAFastCheck() {
        java.util.concurrent.atomic.AtomicBoolean up = new java.util.concurrent.atomic.AtomicBoolean();
        Readiness readiness = Readiness.of(List.of(check("flip", () -> up.get() ? Health.up() : Health.down("away"))));
        for (int i = 0; i < 50; i++) {
            up.set(i % 2 == 0);
            assertThat(readiness.check().ready()).as("probe %d", i).isEqualTo(i % 2 == 0);
        }
    }

    @Test
    void errorsLoseCredentialsAndSecretValues() {
        String error = Health.down("cannot reach jdbc:postgresql://admin:Sup3rS3cret@db.internal:5432/vod?password=Other5ecret&ssl=true"
                + " or https://AKIDX:KEYVALUE@s3.example.com/bucket?X-Amz-Signature=abcdef0123 token=tok123").error().orElseThrow();
        assertThat(error).doesNotContain("Sup3rS3cret", "Other5ecret", "KEYVALUE", "abcdef0123", "tok123", "admin:")
                .contains("db.internal:5432", "s3.example.com");
        assertThat(Health.down("x".repeat(1000)).error().orElseThrow()).hasSizeLessThan(310);
    }
}
