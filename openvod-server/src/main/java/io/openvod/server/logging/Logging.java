package io.openvod.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.openvod.server.config.LoggingConfig;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LoggingConfig} to Logback, whose appenders {@code logback.xml} defines. OpenVOD's
 * own loggers follow {@code logging.level}; the libraries stay at WARN whatever the level, because
 * at DEBUG some of them write request headers (bearer tokens) or JDBC URLs with credentials.
 *
 * <p>{@code logging.format} picks the standard-error encoder: a text line that names the trace
 * when the step has one ({@code [trace 4bf9…]}), or Logback's {@link JsonEncoder}, one JSON object
 * per line whose {@code mdc} holds {@code trace_id}, {@code span_id} and {@code request_id}.
 */
public final class Logging {
    /** Libraries held at WARN. */
    static final List<String> QUIET_LIBRARIES = List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb",
            "org.jdbi", "org.sqlite", "jdk.internal.httpclient", "io.opentelemetry");
    /** The text line: time, level, thread, logger, the trace and request when known, the message. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{36}"
            + "%replace( [trace %X{trace_id}]){' \\[trace \\]', ''}%replace( [request %X{request_id}]){' \\[request \\]', ''} - %msg%n";
    private static final String APPENDER = "STDERR";

    private Logging() {
    }

    public static void apply(LoggingConfig config) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(config.level(), Level.INFO));
            for (String name : QUIET_LIBRARIES) {
                ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
            }
            if (root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console) {
                useEncoder(console, config.json() ? json(root.getLoggerContext()) : text(root.getLoggerContext()));
            }
        }
    }

    /**
     * Holds {@code type}'s logger at WARN: a command that uses a platform class for itself (e.g. the
     * bundled FFmpeg for {@code openvod upload sample}) does not print the INFO lines meant for a
     * platform's operator.
     */
    public static void quiet(Class<?> type) {
        if (LoggerFactory.getLogger(type) instanceof Logger logger) {
            logger.setLevel(Level.WARN);
        }
    }

    private static void useEncoder(ConsoleAppender<ILoggingEvent> console, Encoder<ILoggingEvent> encoder) {
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }

    private static Encoder<ILoggingEvent> json(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> text(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }
}
