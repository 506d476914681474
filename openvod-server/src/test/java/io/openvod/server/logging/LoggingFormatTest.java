package io.openvod.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.core.trace.LogContext;
import io.openvod.core.trace.TraceParent;
import io.openvod.server.config.LoggingConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingFormatTest {
    private final PrintStream original = System.err; // the suite's STDERR appender passes WARN and above

    @AfterEach
    void restore() {
        System.setErr(original);
        Logging.apply(new LoggingConfig("info", "text"));
    }

    @Test
    void jsonLinesCarryTheTraceSpanAndRequestIds() throws Exception {
        TraceParent trace = TraceParent.newTrace();
        String out = logged(new LoggingConfig("info", "json"), trace, "r-123", "upload committed");
        JsonNode line = new ObjectMapper().readTree(out.lines().filter(l -> l.contains("upload committed")).findFirst().orElseThrow());
        assertThat(line.path("level").asText()).isEqualTo("WARN");
        assertThat(line.path("message").asText()).isEqualTo("upload committed");
        assertThat(line.path("mdc").path("trace_id").asText()).isEqualTo(trace.traceId());
        assertThat(line.path("mdc").path("span_id").asText()).isEqualTo(trace.spanId());
        assertThat(line.path("mdc").path("request_id").asText()).isEqualTo("r-123");
    }

    @Test
    void textLinesNameTheTraceOnlyWhenThereIsOne() throws Exception {
        TraceParent trace = TraceParent.newTrace();
        String out = logged(new LoggingConfig("info", "text"), trace, "r-9", "with trace");
        assertThat(out).contains("[trace " + trace.traceId() + "] [request r-9] - with trace");
        System.setErr(original);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Logging.apply(new LoggingConfig("info", "text"));
        LoggerFactory.getLogger(LoggingFormatTest.class).warn("no trace here");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("LoggingFormatTest - no trace here").doesNotContain("[trace");
    }

    private String logged(LoggingConfig config, TraceParent trace, String requestId, String message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Logging.apply(config);
        try (LogContext ignored = LogContext.ofRequest(requestId, trace)) {
            LoggerFactory.getLogger(LoggingFormatTest.class).warn(message);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
