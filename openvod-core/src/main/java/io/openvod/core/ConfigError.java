package io.openvod.core;

/** Error codes of configuration loading; all are startup errors. */
public enum ConfigError implements ErrorCode {
    CONFIG_UNREADABLE("the configuration file cannot be read or is not valid YAML"),
    CONFIG_UNKNOWN_KEY("a configuration key, environment variable or --set path is not known"),
    CONFIG_INVALID_VALUE("a configuration value has the wrong type or is out of range");

    private final String summary;

    ConfigError(String summary) {
        this.summary = summary;
    }


    @Override
    public ErrorKind kind() {
        return ErrorKind.INVALID_INPUT;
    }

    @Override
    public String summary() {
        return summary;
    }
}
