package io.openvod.server.cli;

import io.openvod.core.SignatureError;
import io.openvod.core.OpenVodException;
import io.openvod.server.config.OpenVodConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where a command gets a secret key. Never from the command line, where other users of the
 * machine and the shell history could read it: from standard input ({@code --secret-key-stdin}),
 * from {@code $OPENVOD_SECRET_KEY}, or from the {@code keys:} of the configuration.
 */
final class SecretKeySource {
    static final String ENV = "OPENVOD_SECRET_KEY";
    static final String HOW = "pipe it with --secret-key-stdin, set " + ENV + ", or list it under keys: in openvod.yaml";

    private SecretKeySource() {
    }

    static Optional<String> find(String secretId, boolean fromStdin, InputStream stdin,
                                 Map<String, String> env, OpenVodConfig config) {
        if (fromStdin) {
            return Optional.of(readLine(stdin));
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return Optional.of(fromEnv);
        }
        return config.key(secretId).map(k -> k.secretKey().reveal());
    }

    static String require(String secretId, boolean fromStdin, InputStream stdin,
                          Map<String, String> env, OpenVodConfig config) {
        return find(secretId, fromStdin, stdin, env, config).orElseThrow(() -> new OpenVodException(
                SignatureError.SECRET_KEY_UNAVAILABLE, "no secret key for " + secretId + ": " + HOW));
    }

    private static String readLine(InputStream stdin) {
        try {
            String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.strip().isEmpty()) {
                throw new OpenVodException(SignatureError.SECRET_KEY_UNAVAILABLE, "--secret-key-stdin: standard input is empty");
            }
            return line.strip();
        } catch (IOException e) {
            throw new OpenVodException(SignatureError.SECRET_KEY_UNAVAILABLE, "cannot read standard input: " + e.getMessage(), e);
        }
    }
}
