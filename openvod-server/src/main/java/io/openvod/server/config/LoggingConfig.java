package io.openvod.server.config;

import java.util.Locale;
import java.util.Set;

/**
 * {@code logging:} — what the process logs. Logs go to standard error.
 *
 * @param level the root level: error, warn, info, debug or trace. Defaults to info.
 */
public record LoggingConfig(String level) {
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");

    public LoggingConfig {
        level = ConfigChecks.notNull("level", level).toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level '" + level + "' is not one of error, warn, info, debug, trace");
        }
    }
}
