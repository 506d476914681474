package io.openvod.server.config;

/** Small checks shared by the configuration records. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }
}
