package io.openvod.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openvod.core.trace.LogContext;
import io.openvod.platform.PlatformNode;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A task attempt runs in a step of its flow's trace: the worker's log lines meanwhile carry the trace id. */
class TaskTraceLogsTest {
    private static final org.slf4j.Logger STEP_LOG = LoggerFactory.getLogger("io.openvod.platform.flow.TaskTraceLogsTest.step");

    @TempDir
    Path dir;

    /** A Porn step that logs, fails its first attempt retryably, then passes. */
    static final class FlakyReview implements TaskStep {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String type() {
            return "Porn";
        }

        @Override
        public ObjectNode run(StepInput input, ProgressListener progress) throws StepFailure {
            STEP_LOG.info("reviewing {}, attempt {}", input.fileId(), runs.incrementAndGet());
            if (runs.get() == 1) {
                throw new StepFailure("FailedOperation.Unreachable", "the reviewer did not answer", true);
            }
            return JsonNodeFactory.instance.objectNode().put("Suggestion", "pass");
        }
    }

    @Test
    void theLogLinesOfATaskAttemptShouldCarryItsFlowsTraceId() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger("io.openvod");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        root.addAppender(lines);
        FlowSettings fast = new FlowSettings(1, Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofSeconds(30), 3,
                Duration.ofMillis(50), Duration.ofMillis(50), Path.of(System.getProperty("java.io.tmpdir")));
        FlakyReview review = new FlakyReview();
        try (PlatformFixture platform = PlatformFixture.start(dir, new PlatformNode.TaskFlows(List.of(review), fast))) {
            String request = UUID.randomUUID().toString();
            String fileId = Uploads.uploadSmall(platform, new byte[] {4, 5, 6}, b -> b.procedure("Review").sourceContext("req=" + request))
                    .get("fileId").asText();
            awaitTwoAttempts(review, platform, fileId);

            List<ILoggingEvent> logged;
            synchronized (lines) {
                logged = List.copyOf(lines.list);
            }
            String trace = request.replace("-", "");
            assertThat(logged).filteredOn(e -> e.getLoggerName().equals(STEP_LOG.getName())).hasSize(2)
                    .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.TRACE_ID, trace)
                            .containsKey(LogContext.SPAN_ID));
            assertThat(logged).filteredOn(e -> e.getLoggerName().equals(FlowEngine.class.getName())
                            && e.getFormattedMessage().contains("failed on attempt 1")).singleElement()
                    .satisfies(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogContext.TRACE_ID, trace));
        } finally {
            root.detachAppender(lines);
        }
    }

    private static void awaitTwoAttempts(FlakyReview review, PlatformFixture platform, String fileId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (review.runs.get() < 2 || platform.node().catalog().events(fileId).size() < 2) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the review ran " + review.runs.get() + " times");
            }
            Thread.sleep(25);
        }
    }
}
