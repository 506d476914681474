package io.openvod.server.config;

import io.openvod.app.config.AppConfig;
import io.openvod.platform.config.PlatformConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The whole validated configuration. Read by {@link ConfigLoader} from the built-in defaults
 * ({@code openvod-defaults.yaml}), then {@code openvod.yaml}, then {@code OPENVOD_*}
 * environment variables, then {@code --set path=value} flags; later sources win.
 *
 * @param logging what the process logs
 * @param signature how upload signatures are checked
 * @param keys the API keys OpenVOD trusts; secret ids are unique
 * @param app the app backend (signature distribution service)
 * @param platform the VOD platform (upload API, object API, catalog)
 * @param tracing where spans are exported
 */
public record OpenVodConfig(LoggingConfig logging, SignatureConfig signature, List<ApiKeyConfig> keys, AppConfig app,
                            PlatformConfig platform, TracingSection tracing) {
    public OpenVodConfig {
        tracing = tracing == null ? new TracingSection("", null) : tracing;
        ConfigChecks.notNull("app", app);
        ConfigChecks.notNull("platform", platform);
        ConfigChecks.notNull("logging", logging);
        ConfigChecks.notNull("signature", signature);
        keys = List.copyOf(ConfigChecks.notNull("keys", keys));
        Set<String> ids = new HashSet<>();
        for (ApiKeyConfig key : keys) {
            if (!ids.add(key.secretId())) {
                throw new IllegalArgumentException("secretId " + key.secretId() + " is listed twice under keys");
            }
        }
    }

    /** The configured key with this secret id, if any. */
    public Optional<ApiKeyConfig> key(String secretId) {
        return keys.stream().filter(k -> k.secretId().equals(secretId)).findFirst();
    }
}
