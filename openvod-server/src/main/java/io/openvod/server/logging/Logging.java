package io.openvod.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.openvod.server.config.LoggingConfig;
import org.slf4j.LoggerFactory;

/** Applies {@link LoggingConfig} to Logback, whose appenders {@code logback.xml} defines. */
public final class Logging {
    private Logging() {
    }

    public static void apply(LoggingConfig config) {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(config.level(), Level.INFO));
        }
    }
}
