package io.openvod.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** {@link StoredSpans}: steps are written in the background, never wait for the database, never fail with it. */
class StoredSpansTest {
    private static final Duration RETENTION = Duration.ofDays(7);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(StoredSpans.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void theStepsOfATracingWithAStoreAreWrittenWhenFlushed() {
        MemoryTraceLog log = new MemoryTraceLog();
        TraceParent request = TraceParent.ofRequestId("0190f3a2-7b1c-7d4e-8f00-1234567890ab").orElseThrow();
        try (Tracing tracing = Tracing.create("openvod-app", TracingConfig.off(), log)) {
            try (TraceStep step = tracing.root("signature", request)) {
                step.attribute("openvod.user_id", "alice").attribute("openvod.procedure", "TranscodeCover");
            }
            try (TraceStep step = tracing.step("receive NewFileUpload", request)) {
                step.attribute("openvod.file_id", "5285890813342811041");
            }
            tracing.flush();

            assertThat(log.spansOfTrace(request.traceId()))
                    .extracting(StoredSpan::name, StoredSpan::service, StoredSpan::parentSpanId, StoredSpan::fileId, StoredSpan::detail)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("signature", "openvod-app", Optional.empty(), Optional.empty(),
                                    "user_id=alice procedure=TranscodeCover"),
                            org.assertj.core.groups.Tuple.tuple("receive NewFileUpload", "openvod-app", Optional.of(request.spanId()),
                                    Optional.of("5285890813342811041"), ""));
        }
    }

    @Test
    @Timeout(30)
    void aFullQueueDropsStepsWithoutWaitingForTheDatabase() throws Exception {
        BlockedLog log = new BlockedLog();
        StoredSpans stored = StoredSpans.start(log, "openvod-platform", RETENTION, 5, Clock.systemUTC());
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(stored).build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder("first").startSpan().end();
            stored.forceFlush();
            assertThat(log.entered.await(10, TimeUnit.SECONDS)).as("the writer is stuck in the database").isTrue();

            long start = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                tracer.spanBuilder("UploadPart").startSpan().end();
            }
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tookMs).as("ending 200 steps while the database hangs").isLessThan(5_000);
            assertThat(stored.dropped()).isEqualTo(195);
            assertThat(warnings()).hasSize(1).first().asString().contains("1 steps dropped so far");
            log.release.countDown();
            stored.forceFlush().join(10, TimeUnit.SECONDS);
            assertThat(log.written.get()).as("the first step and the five queued").isEqualTo(6);
        }
    }

    @Test
    void aFailedWriteLosesItsStepsButNeverFailsOne() {
        AtomicInteger attempts = new AtomicInteger();
        TraceLog broken = new MemoryTraceLog() {
            @Override
            public synchronized void record(List<StoredSpan> batch) {
                attempts.incrementAndGet();
                throw new IllegalStateException("connection refused", new IllegalStateException("the database is down"));
            }
        };
        StoredSpans stored = StoredSpans.start(broken, "openvod-platform", RETENTION, 100, Clock.systemUTC());
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(stored).build()) {
            Tracer tracer = provider.get("test");
            tracer.spanBuilder("CommitUploadUGC").startSpan().end();
            tracer.spanBuilder("task Porn").startSpan().end();
            assertThat(stored.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
            tracer.spanBuilder("push NewFileUpload").startSpan().end();
            stored.forceFlush().join(10, TimeUnit.SECONDS);

            assertThat(stored.lost()).isEqualTo(3);
            assertThat(attempts.get()).as("each batch tried").isGreaterThanOrEqualTo(2);
            assertThat(warnings()).as("one warning a minute").hasSize(1).first().asString()
                    .contains("could not write", "IllegalStateException: the database is down");
        }
    }

    @Test
    void oldStepsAreSweptAtStartAndAboutHourly() {
        MemoryTraceLog log = new MemoryTraceLog();
        MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));
        StoredSpans stored = StoredSpans.start(log, "openvod-platform", RETENTION, 100, clock);
        try {
            settle(stored);
            assertThat(log.sweeps).containsExactly(Instant.parse("2026-11-30T10:00:00Z"));

            clock.now = Instant.parse("2026-12-07T10:30:00Z");
            settle(stored);
            assertThat(log.sweeps).hasSize(1);

            clock.now = Instant.parse("2026-12-07T11:00:01Z");
            settle(stored);
            assertThat(log.sweeps).containsExactly(Instant.parse("2026-11-30T10:00:00Z"), Instant.parse("2026-11-30T11:00:01Z"));
        } finally {
            stored.shutdown();
        }
    }

    @Test
    void shutdownWritesWhatIsQueuedAndLaterStepsAreIgnored() {
        MemoryTraceLog log = new MemoryTraceLog();
        StoredSpans stored = StoredSpans.start(log, "openvod-platform", RETENTION, 100, Clock.systemUTC());
        SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(stored).build();
        Tracer tracer = provider.get("test");
        for (int i = 0; i < 3; i++) {
            tracer.spanBuilder("UploadPart").startSpan().end();
        }

        assertThat(provider.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
        assertThat(log.all()).hasSize(3);
        assertThat(stored.forceFlush().isSuccess()).as("nothing left to write").isTrue();
    }

    /** Every iteration of the writer that started before this call has finished (with its sweep). */
    private static void settle(StoredSpans stored) {
        stored.forceFlush().join(10, TimeUnit.SECONDS);
        stored.forceFlush().join(10, TimeUnit.SECONDS);
    }

    private List<ILoggingEvent> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    /** A log whose first write hangs until released. */
    private static final class BlockedLog extends MemoryTraceLog {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger written = new AtomicInteger();

        @Override
        public void record(List<StoredSpan> batch) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.addAndGet(batch.size());
        }
    }

    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
