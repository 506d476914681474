package io.openvod.server.config;

import io.openvod.core.ConfigError;
import io.openvod.core.OpenVodException;

/** The configuration cannot be loaded; the message names the source and the key. */
public final class ConfigException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    public ConfigException(ConfigError code, String message) {
        super(code, message);
    }

    public ConfigException(ConfigError code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
