package io.openvod.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.openvod.server.config.LoggingConfig;
import java.util.Collection;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every log event at {@code logging.level: trace} while open, for tests about what reaches the log. */
public final class TraceLogCapture implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    public TraceLogCapture() {
        captured.start();
        root.addAppender(captured);
        Logging.apply(new LoggingConfig("trace"));
    }

    public List<ILoggingEvent> events() {
        return captured.list;
    }

    /** Fails if no event was logged, or if any event's message or exception contains one of {@code secrets}. */
    public void assertNoneContains(Collection<String> secrets) {
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String text = event.getFormattedMessage() + (event.getThrowableProxy() != null ? event.getThrowableProxy().getMessage() : "");
            for (String secret : secrets) {
                assertThat(text).as("log line from %s", event.getLoggerName()).doesNotContain(secret);
            }
        }
    }

    @Override
    public void close() {
        root.detachAppender(captured);
        root.setLevel(before);
        Logging.apply(new LoggingConfig("warn"));
    }
}
