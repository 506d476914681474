package io.openvod.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.openvod.server.config.LoggingConfig;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link LoggingConfig} to Logback, whose appenders {@code logback.xml} defines. OpenVOD's
 * own loggers follow {@code logging.level}; the libraries stay at WARN whatever the level, because
 * at DEBUG some of them write request headers (bearer tokens) or JDBC URLs with credentials.
 */
public final class Logging {
    /** Libraries held at WARN. */
    static final List<String> QUIET_LIBRARIES = List.of("org.eclipse.jetty", "io.javalin", "com.zaxxer.hikari", "org.flywaydb",
            "org.jdbi", "org.sqlite", "jdk.internal.httpclient");

    private Logging() {
    }

    public static void apply(LoggingConfig config) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(config.level(), Level.INFO));
            for (String name : QUIET_LIBRARIES) {
                ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.WARN);
            }
        }
    }
}
