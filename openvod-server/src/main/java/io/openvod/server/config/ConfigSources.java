package io.openvod.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where configuration comes from, in increasing precedence: the built-in defaults, one YAML
 * file, {@code OPENVOD_*} environment variables, and {@code --set path=value} flags.
 *
 * @param file the YAML file, if any
 * @param environment the process environment (only {@code OPENVOD_*} names are read)
 * @param overrides {@code path=value} strings from the command line
 */
public record ConfigSources(Optional<Path> file, Map<String, String> environment, List<String> overrides) {
    /** Environment variable naming the configuration file. */
    public static final String CONFIG_FILE_ENV = "OPENVOD_CONFIG";
    /** The file read when neither {@code --config} nor {@code OPENVOD_CONFIG} names one. */
    public static final String DEFAULT_FILE_NAME = "openvod.yaml";

    public ConfigSources {
        file = file == null ? Optional.empty() : file;
        environment = Map.copyOf(environment);
        overrides = List.copyOf(overrides);
    }

    /**
     * Chooses the file: {@code --config} if given, else {@code $OPENVOD_CONFIG}, else
     * {@code openvod.yaml} in {@code workingDirectory} when it exists. A file that was named
     * explicitly must exist; the loader reports it otherwise.
     */
    public static ConfigSources resolve(Path explicitFile, Path workingDirectory,
                                        Map<String, String> environment, List<String> overrides) {
        Optional<Path> file;
        if (explicitFile != null) {
            file = Optional.of(explicitFile);
        } else if (environment.get(CONFIG_FILE_ENV) != null && !environment.get(CONFIG_FILE_ENV).isBlank()) {
            file = Optional.of(Path.of(environment.get(CONFIG_FILE_ENV)));
        } else {
            Path local = workingDirectory.resolve(DEFAULT_FILE_NAME);
            file = Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
        }
        return new ConfigSources(file, environment, overrides);
    }
}
