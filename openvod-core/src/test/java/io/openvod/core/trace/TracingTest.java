package io.openvod.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.TimeOrderedIds;
import io.openvod.testing.OtlpCollector;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TracingTest {

    @Test
    void theRootStepTakesTheIdsOfTheRequestAndChildrenStayInItsTrace() {
        TraceParent ids = TraceParent.ofRequestId(TimeOrderedIds.next()).orElseThrow();
        try (Tracing tracing = Tracing.local("openvod-test")) {
            TraceParent root;
            try (TraceStep step = tracing.root("signature", ids)) {
                root = step.context();
                assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(ids.traceId());
            }
            assertThat(root).isEqualTo(ids);
            assertThat(MDC.get(LogContext.TRACE_ID)).isNull();
            try (TraceStep child = tracing.step("commit", root)) {
                assertThat(child.context().traceId()).isEqualTo(ids.traceId());
                assertThat(child.context().spanId()).isNotEqualTo(ids.spanId());
            }
            // the next root without chosen ids is a new trace
            try (TraceStep other = tracing.step("apply", TraceParent.newTrace())) {
                assertThat(other.context().traceId()).isNotEqualTo(ids.traceId());
            }
        }
    }

    @Test
    void aStepEndedOnAnotherThreadLeavesThatThreadsLogIdsAlone() throws Exception {
        try (Tracing tracing = Tracing.local("openvod-test")) {
            TraceStep step = tracing.step("answer", TraceParent.newTrace());
            TraceParent other = TraceParent.newTrace();
            String[] seen = new String[1];
            Thread t = new Thread(() -> {
                try (LogContext ignored = LogContext.of(other)) {
                    step.close();
                    seen[0] = MDC.get(LogContext.TRACE_ID);
                }
            });
            t.start();
            t.join();
            assertThat(seen[0]).isEqualTo(other.traceId());
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(step.context().traceId()); // still open here
        }
        MDC.clear();
    }

    @Test
    void logContextsNestAndRestore() {
        TraceParent outer = TraceParent.newTrace();
        TraceParent inner = TraceParent.newTrace();
        try (LogContext a = LogContext.ofRequest("r1", outer)) {
            try (LogContext b = LogContext.of(inner)) {
                assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(inner.traceId());
                assertThat(MDC.get(LogContext.REQUEST_ID)).isEqualTo("r1");
            }
            assertThat(MDC.get(LogContext.TRACE_ID)).isEqualTo(outer.traceId());
        }
        assertThat(MDC.get(LogContext.REQUEST_ID)).isNull();
    }

    @Test
    void spansAreExportedOverOtlpWhenAnEndpointIsSet() throws Exception {
        try (OtlpCollector collector = OtlpCollector.start()) {
            TraceParent ids = TraceParent.ofRequestId(TimeOrderedIds.next()).orElseThrow();
            try (Tracing tracing = Tracing.create("openvod-test", new TracingConfig(Optional.of(collector.endpoint()), Duration.ofSeconds(5)))) {
                try (TraceStep step = tracing.root("signature", ids)) {
                    step.attribute("openvod.user_id", "alice");
                }
            } // close flushes
            assertThat(collector.awaitTraces(Duration.ofSeconds(10), ids.traceId())).as("an OTLP export of the trace").isTrue();
            assertThat(collector.exported()).contains("signature", "openvod-test", "openvod.user_id");
        }
    }

    @Test
    void configRefusesEndpointsThatAreNotHttp() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new TracingConfig(Optional.of(URI.create("ftp://x/v1/traces")), Duration.ofSeconds(1)))
                .hasMessageContaining("http://");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new TracingConfig(Optional.of(URI.create("http://u:p@x/v1/traces")), Duration.ofSeconds(1)))
                .hasMessageContaining("user information");
    }
}
