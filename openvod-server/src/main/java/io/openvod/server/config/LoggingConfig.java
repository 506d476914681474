package io.openvod.server.config;

import java.util.Locale;
import java.util.Set;

/**
 * {@code logging:} — what the process logs. Logs go to standard error.
 *
 * @param level the root level: error, warn, info, debug or trace. Defaults to info.
 * @param format {@code text} (one readable line per event) or {@code json} (one JSON object per
 *               line, with the trace, span and request ids); defaults to text
 */
public record LoggingConfig(String level, String format) {
    private static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace");
    private static final Set<String> FORMATS = Set.of("text", "json");

    public LoggingConfig {
        level = ConfigChecks.notNull("level", level).toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new IllegalArgumentException("level '" + level + "' is not one of error, warn, info, debug, trace");
        }
        format = format == null ? "text" : format.toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalArgumentException("format '" + format + "' is not one of text, json");
        }
    }

    public LoggingConfig(String level) {
        this(level, "text");
    }

    public boolean json() {
        return format.equals("json");
    }
}
