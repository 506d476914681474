package io.openvod.server.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.openvod.core.ConfigError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads {@link OpenVodConfig} from {@link ConfigSources}. The built-in defaults name every key
 * there is; a key, variable or path that they do not name is an error, as is a value of the
 * wrong type or range. Error messages name the key and never echo a secret.
 */
public final class ConfigLoader {
    /** Prefix of the environment variables that override configuration keys. */
    public static final String ENV_PREFIX = "OPENVOD_";
    /** {@code OPENVOD_*} variables that are not configuration keys but are read elsewhere. */
    public static final Set<String> NON_KEY_VARIABLES = Set.of(
            ConfigSources.CONFIG_FILE_ENV, "OPENVOD_SECRET_KEY", "OPENVOD_JAVA_HOME", "OPENVOD_JAVA_OPTS");
    private static final String DEFAULTS = "/openvod-defaults.yaml";

    private final ObjectMapper mapper = ConfigMapper.create();

    public OpenVodConfig load(ConfigSources sources) {
        ObjectNode tree = defaults();
        Map<String, String> settable = settablePaths(tree);
        sources.file().ifPresent(file -> ConfigTrees.merge(tree, readFile(file)));
        applyEnvironment(tree, settable, sources.environment());
        for (String override : sources.overrides()) {
            applyOverride(tree, settable, override);
        }
        return bind(tree);
    }

    /** The defaults alone; what {@code openvod config show} prints with no file and no overrides. */
    public OpenVodConfig defaultsOnly() {
        return bind(defaults());
    }

    /** Environment variable → dotted path, for every scalar key. */
    public Map<String, String> environmentVariables() {
        return settablePaths(defaults()).entrySet().stream()
                .collect(Collectors.toMap(e -> envName(e.getKey()), Map.Entry::getKey, (a, b) -> a, TreeMap::new));
    }

    private ObjectNode defaults() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            return (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    private ObjectNode readFile(Path file) {
        JsonNode node;
        try {
            node = mapper.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ConfigException(ConfigError.CONFIG_UNREADABLE, "configuration file " + file + " does not exist");
        } catch (JacksonException e) {
            throw new ConfigException(ConfigError.CONFIG_UNREADABLE,
                    "configuration file " + file + " is not valid YAML: " + e.getOriginalMessage()
                            + (e.getLocation() != null ? " (line " + e.getLocation().getLineNr() + ")" : ""));
        } catch (IOException e) {
            throw new ConfigException(ConfigError.CONFIG_UNREADABLE, "cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return mapper.createObjectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException(ConfigError.CONFIG_UNREADABLE, "configuration file " + file + " must hold a mapping of keys");
        }
        return (ObjectNode) node;
    }

    private void applyEnvironment(ObjectNode tree, Map<String, String> settable, Map<String, String> env) {
        Map<String, String> byVariable = settable.keySet().stream()
                .collect(Collectors.toMap(ConfigLoader::envName, p -> p));
        for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(ENV_PREFIX) || NON_KEY_VARIABLES.contains(name)) {
                continue;
            }
            String path = byVariable.get(name);
            if (path == null) {
                throw new ConfigException(ConfigError.CONFIG_UNKNOWN_KEY, "environment variable " + name
                        + " is not a configuration key; known: " + String.join(", ", new TreeMap<>(byVariable).keySet()));
            }
            ConfigTrees.set(tree, path, TextNode.valueOf(e.getValue()));
        }
    }

    private void applyOverride(ObjectNode tree, Map<String, String> settable, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(ConfigError.CONFIG_INVALID_VALUE, "--set '" + override + "' is not of the form path=value");
        }
        String path = override.substring(0, eq).strip();
        if (!settable.containsKey(path)) {
            throw new ConfigException(ConfigError.CONFIG_UNKNOWN_KEY,
                    "--set " + path + " is not a configuration key; known: " + String.join(", ", new TreeMap<>(settable).keySet()));
        }
        ConfigTrees.set(tree, path, TextNode.valueOf(override.substring(eq + 1)));
    }

    private OpenVodConfig bind(ObjectNode tree) {
        try {
            return mapper.treeToValue(tree, OpenVodConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(ConfigError.CONFIG_UNKNOWN_KEY, "unknown configuration key '" + ConfigTrees.path(e)
                    + "'; known here: " + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException(ConfigError.CONFIG_INVALID_VALUE, ConfigTrees.where(e) + cause.getMessage());
        } catch (JsonMappingException e) {
            throw new ConfigException(ConfigError.CONFIG_INVALID_VALUE, ConfigTrees.where(e) + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ConfigException(ConfigError.CONFIG_INVALID_VALUE, "invalid configuration: " + e.getOriginalMessage());
        }
    }

    /** Scalar keys of the defaults, each with its dotted path (arrays are only set in the file). */
    private static Map<String, String> settablePaths(ObjectNode defaults) {
        Map<String, String> out = new TreeMap<>();
        ConfigTrees.scalarPaths(defaults, "", out);
        return out;
    }

    /** {@code signature.clockSkew} → {@code OPENVOD_SIGNATURE_CLOCK_SKEW}. */
    static String envName(String path) {
        StringBuilder out = new StringBuilder(ENV_PREFIX);
        for (char c : path.toCharArray()) {
            if (c == '.') {
                out.append('_');
            } else if (Character.isUpperCase(c)) {
                out.append('_').append(c);
            } else {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }
}
