package io.openvod.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.openvod.core.TimeOrderedIds;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        LinkedBlockingQueue<byte[]> bodies = new LinkedBlockingQueue<>();
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exchange.getRequestBody().transferTo(out);
            bodies.add(out.toByteArray());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        try {
            URI endpoint = URI.create("http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
            TraceParent ids = TraceParent.ofRequestId(TimeOrderedIds.next()).orElseThrow();
            try (Tracing tracing = Tracing.create("openvod-test", new TracingConfig(Optional.of(endpoint), Duration.ofSeconds(5)))) {
                try (TraceStep step = tracing.root("signature", ids)) {
                    step.attribute("openvod.user_id", "alice");
                }
            } // close flushes
            byte[] body = bodies.poll(10, TimeUnit.SECONDS);
            assertThat(body).as("an OTLP export request").isNotNull();
            // protobuf carries the trace id as its 16 raw bytes
            assertThat(indexOf(body, HexFormat.of().parseHex(ids.traceId()))).isGreaterThanOrEqualTo(0);
            assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("signature", "openvod-test");
        } finally {
            collector.stop(0);
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

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
