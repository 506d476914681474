package io.openvod.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.TimeOrderedIds;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link TraceLog} must do, on SQLite and PostgreSQL: keep spans once by span id, give a
 * trace's spans back in start order with every field to the microsecond, find a FileId's trace,
 * sweep old spans; and keep what a {@link Tracing} with this log ends. Each service's test extends
 * it with its own database (and so its own migration of {@code trace_spans}).
 *
 * @param <D> the service's database
 */
public abstract class TraceLogContract<D extends AutoCloseable> {
    private static final String FILE_ID = "5285890813342811041";
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00.123456Z");

    @TempDir
    protected Path dir;
    private final List<AutoCloseable> opened = new ArrayList<>();

    /** The service's database at {@code jdbcUrl}, migrated. */
    protected abstract D open(String jdbcUrl);

    /** The service's trace log on {@code database}. */
    protected abstract TraceLog traceLog(D database);

    /** A trace log over a new database of {@code engine}, and a second node's (its own pool) on the same database. */
    private List<TraceLog> nodes(TestDatabase engine) {
        String url = engine.newUrl(dir);
        D first = open(url);
        opened.add(first);
        D second = open(url);
        opened.add(second);
        return List.of(traceLog(first), traceLog(second));
    }

    private TraceLog log(TestDatabase engine) {
        return nodes(engine).getFirst();
    }

    @AfterEach
    void closeDatabases() throws Exception {
        for (AutoCloseable c : opened.reversed()) {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    public void aTracesSpansComeBackInStartOrderWithEveryField(TestDatabase engine) {
        TraceLog log = log(engine);
        String trace = traceId();
        StoredSpan root = span(trace, "0000000000000001", Optional.empty(), "signature", Optional.empty(), 0, 2_500, true,
                "user_id=alice");
        StoredSpan commit = span(trace, "0000000000000002", Optional.of(root.spanId()), "CommitUploadUGC", Optional.of(FILE_ID),
                900_001, 950_000, true, "http.response.status_code=200");
        StoredSpan task = span(trace, "0000000000000003", Optional.of(commit.spanId()), "task Porn", Optional.of(FILE_ID),
                1_200_000, 1_200_000, false, "FailedOperation.ReviewUnavailable");
        log.record(List.of(task, root));
        log.record(List.of(commit));
        log.record(List.of(span(traceId(), "0000000000000004", Optional.empty(), "signature", Optional.empty(), 0, 1, true, "")));

        assertThat(log.spansOfTrace(trace)).containsExactly(root, commit, task);
        assertThat(log.spansOfTrace(trace).get(1).startedAt()).isEqualTo(T0.plusNanos(900_001_000));
        assertThat(log.spansOfTrace(traceId())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    public void aSpanIsKeptOnceHoweverOftenAndWhereverItIsWritten(TestDatabase engine) throws Exception {
        List<TraceLog> nodes = nodes(engine);
        String trace = traceId();
        StoredSpan first = span(trace, "00000000000000a1", Optional.empty(), "ApplyUploadUGC", Optional.empty(), 0, 10, true, "");
        StoredSpan again = span(trace, "00000000000000a1", Optional.empty(), "renamed", Optional.of(FILE_ID), 5, 20, false, "x");
        StoredSpan other = span(trace, "00000000000000a2", Optional.empty(), "UploadPart", Optional.empty(), 1, 10, true, "");
        nodes.getFirst().record(List.of(first));

        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TraceLog node = nodes.get(i % 2);
                writes.add(pool.submit((Callable<Void>) () -> {
                    node.record(List.of(again, other));
                    return null;
                }));
            }
            for (Future<?> w : writes) {
                w.get();
            }
        }
        nodes.getFirst().record(List.of());

        assertThat(nodes.get(1).spansOfTrace(trace)).containsExactly(first, other);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    public void aFileIdNamesTheTraceOfItsEarliestSpan(TestDatabase engine) {
        TraceLog log = log(engine);
        String upload = traceId();
        String later = traceId();
        log.record(List.of(span(later, "00000000000000b1", Optional.empty(), "ProcessMedia", Optional.of(FILE_ID), 5_000, 6_000,
                true, "")));
        log.record(List.of(span(upload, "00000000000000b2", Optional.empty(), "CommitUploadUGC", Optional.of(FILE_ID), 1_000,
                2_000, true, ""), span(upload, "00000000000000b3", Optional.empty(), "signature", Optional.empty(), 0, 1, true, "")));

        assertThat(log.traceOfFile(FILE_ID)).contains(upload);
        assertThat(log.traceOfFile("5285890813342811042")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    public void sweepingRemovesTheSpansThatEndedBeforeTheInstant(TestDatabase engine) {
        TraceLog log = log(engine);
        String trace = traceId();
        StoredSpan old = span(trace, "00000000000000c1", Optional.empty(), "old", Optional.empty(), 0, 1_000, true, "");
        StoredSpan edge = span(trace, "00000000000000c2", Optional.empty(), "edge", Optional.empty(), 0, 2_000, true, "");
        StoredSpan recent = span(trace, "00000000000000c3", Optional.empty(), "recent", Optional.empty(), 0, 3_000, true, "");
        log.record(List.of(old, edge, recent));

        assertThat(log.sweep(T0.plusNanos(2_000_000))).isEqualTo(1);
        assertThat(log.spansOfTrace(trace)).containsExactly(edge, recent);
        assertThat(log.sweep(T0.plusNanos(2_000_000))).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    public void theStepsOfATracingWithThisLogAreKept(TestDatabase engine) {
        TraceLog log = log(engine);
        TraceParent request = TraceParent.ofRequestId(TimeOrderedIds.next()).orElseThrow();
        String longValue = "v".repeat(800);
        try (Tracing tracing = Tracing.create("openvod-test", TracingConfig.off(), log)) {
            TraceParent signature;
            try (TraceStep step = tracing.root("signature", request)) {
                step.attribute("openvod.user_id", "alice");
                signature = step.context();
            }
            pause();
            try (TraceStep step = tracing.serverStep("CommitUploadUGC", signature)) {
                step.attribute("openvod.file_id", FILE_ID).attribute("http.response.status_code", "200");
            }
            pause();
            try (TraceStep step = tracing.step("task Porn", signature)) {
                step.attribute("openvod.file_id", FILE_ID).attribute("openvod.task_id", longValue);
                step.failed("FailedOperation.ReviewUnavailable");
            }
            pause();
            try (TraceStep step = tracing.step("push NewFileUpload", signature)) {
                step.attribute("openvod.event_id", longValue);
            }
        }

        List<StoredSpan> kept = log.spansOfTrace(request.traceId());
        assertThat(kept).extracting(StoredSpan::name).containsExactly("signature", "CommitUploadUGC", "task Porn", "push NewFileUpload");
        assertThat(kept.getFirst()).extracting(StoredSpan::spanId, StoredSpan::parentSpanId, StoredSpan::service, StoredSpan::fileId,
                StoredSpan::ok, StoredSpan::detail)
                .containsExactly(request.spanId(), Optional.empty(), "openvod-test", Optional.empty(), true, "user_id=alice");
        assertThat(kept.get(1)).extracting(StoredSpan::parentSpanId, StoredSpan::fileId, StoredSpan::ok, StoredSpan::detail)
                .containsExactly(Optional.of(request.spanId()), Optional.of(FILE_ID), true, "http.response.status_code=200");
        assertThat(kept.get(2)).extracting(StoredSpan::ok, StoredSpan::detail)
                .containsExactly(false, "FailedOperation.ReviewUnavailable");
        assertThat(kept.get(3).detail()).startsWith("event_id=vvv").hasSize(StoredSpan.MAX_DETAIL);
        assertThat(kept).allSatisfy(s -> assertThat(s.endedAt()).isAfterOrEqualTo(s.startedAt()));
        assertThat(log.traceOfFile(FILE_ID)).contains(request.traceId());
    }

    /** Steps that follow each other start in different microseconds. */
    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String traceId() {
        return TraceParent.newTrace().traceId();
    }

    /** A span of {@code trace} from {@code T0 + startMicros} to {@code T0 + endMicros}. */
    private static StoredSpan span(String trace, String spanId, Optional<String> parent, String name, Optional<String> fileId,
                                   long startMicros, long endMicros, boolean ok, String detail) {
        return new StoredSpan(spanId, trace, parent, "openvod-test", name, fileId, T0.plusNanos(startMicros * 1_000),
                T0.plusNanos(endMicros * 1_000), ok, detail);
    }
}
