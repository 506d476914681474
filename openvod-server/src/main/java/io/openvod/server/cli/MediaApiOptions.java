package io.openvod.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.core.CommonError;
import io.openvod.core.OpenVodException;
import io.openvod.signature.Credential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where an API 3.0 command goes and with which key: {@code --platform}, then
 * {@code <state>/dev.json}'s {@code platformUrl}; {@code --secret-id}, then
 * {@code $OPENVOD_SECRET_ID}, then dev.json's {@code secretId}; {@code --secret-key}, then
 * {@code $OPENVOD_SECRET_KEY}, then dev.json's {@code secretKey} when the secret id is dev.json's.
 * Nothing found is {@code INVALID_ARGUMENT} (exit 2), saying what to pass.
 */
final class MediaApiOptions {
    static final String SECRET_ID_ENV = "OPENVOD_SECRET_ID";
    static final String SECRET_KEY_ENV = SecretKeySource.ENV;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--platform", paramLabel = "URL",
            description = "The platform's URL, e.g. http://127.0.0.1:8082 (default: dev.json's platformUrl).")
    String platform;
    @Option(names = "--secret-id", paramLabel = "ID", description = "The API key's SecretId (default: $OPENVOD_SECRET_ID, else dev.json's).")
    String secretId;
    @Option(names = "--secret-key", paramLabel = "KEY",
            description = "The SecretKey (default: $OPENVOD_SECRET_KEY, else dev.json's); prefer the variable, flags end up in shell history.")
    String secretKey;
    @Option(names = "--sub-app-id", paramLabel = "N", description = "The application (default: the key's primary one).")
    Long subAppId;
    @Option(names = "--state", paramLabel = "DIR", defaultValue = ".openvod",
            description = "Where openvod dev wrote dev.json (default: .openvod).")
    Path state;

    /** A client for the resolved platform and key. */
    CloudApiClient client(OpenVodCommand root) {
        Optional<JsonNode> dev = devState();
        String url = first(platform, null, dev, "platformUrl").orElseThrow(() -> new OpenVodException(CommonError.INVALID_ARGUMENT,
                "no platform: pass --platform URL, or start openvod dev (it writes " + state.resolve("dev.json") + ")"));
        String id = first(secretId, root.environment().get(SECRET_ID_ENV), dev, "secretId").orElseThrow(() -> new OpenVodException(
                CommonError.INVALID_ARGUMENT, "no API key: pass --secret-id, set " + SECRET_ID_ENV + ", or start openvod dev"));
        Optional<JsonNode> devKey = dev.filter(d -> id.equals(d.path("secretId").asText()));
        String key = first(secretKey, root.environment().get(SECRET_KEY_ENV), devKey, "secretKey").orElseThrow(() ->
                new OpenVodException(CommonError.INVALID_ARGUMENT, "no secret key for " + id + ": set " + SECRET_KEY_ENV
                        + " or pass --secret-key"));
        return new CloudApiClient(url, new Credential(id, key), Clock.systemUTC());
    }

    private static Optional<String> first(String flag, String env, Optional<JsonNode> dev, String field) {
        if (flag != null && !flag.isBlank()) {
            return Optional.of(flag.strip());
        }
        if (env != null && !env.isBlank()) {
            return Optional.of(env.strip());
        }
        return dev.map(d -> d.path(field).asText("")).filter(v -> !v.isBlank());
    }

    /** dev.json, when there is a readable one. */
    private Optional<JsonNode> devState() {
        Path file = state.resolve("dev.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(file.toFile()));
        } catch (IOException e) {
            throw new OpenVodException(CommonError.INVALID_ARGUMENT, file + " is not readable JSON: " + e.getMessage(), e);
        }
    }
}
