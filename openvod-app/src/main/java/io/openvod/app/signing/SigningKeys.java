package io.openvod.app.signing;

import io.openvod.app.config.VodConfig;
import io.openvod.app.config.VodKeyConfig;
import io.openvod.signature.Credential;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * The VOD keys, resolved (key files read) once at start: the active one signs; the others are
 * kept so that a rotation is visible and reversible. {@link #toString()} shows ids only.
 */
public final class SigningKeys {
    private final List<Credential> all;
    private final Optional<Credential> active;

    private SigningKeys(List<Credential> all, Optional<Credential> active) {
        this.all = List.copyOf(all);
        this.active = active;
    }

    /**
     * Reads the keys of {@code config}.
     *
     * @throws IllegalArgumentException if a key file cannot be read or is empty (the message names the file, not its content)
     */
    public static SigningKeys from(VodConfig config) {
        List<VodKeyConfig> keys = config.allKeys();
        List<Credential> credentials = keys.stream().map(SigningKeys::resolve).toList();
        Optional<Credential> active = keys.stream().filter(VodKeyConfig::active).findFirst()
                .flatMap(k -> credentials.stream().filter(c -> c.secretId().equals(k.secretId())).findFirst());
        return new SigningKeys(credentials, active);
    }

    public static SigningKeys of(Credential active, Credential... others) {
        return new SigningKeys(java.util.stream.Stream.concat(java.util.stream.Stream.of(active),
                java.util.Arrays.stream(others)).toList(), Optional.of(active));
    }

    /** The key that signs, if one is configured. */
    public Optional<Credential> active() {
        return active;
    }

    public List<String> secretIds() {
        return all.stream().map(Credential::secretId).toList();
    }

    private static Credential resolve(VodKeyConfig key) {
        if (key.secretKey() != null) {
            return new Credential(key.secretId(), key.secretKey().reveal());
        }
        try {
            String first = Files.readAllLines(key.secretKeyFile()).stream().findFirst().orElse("").strip();
            if (first.isEmpty()) {
                throw new IllegalArgumentException("secretKeyFile " + key.secretKeyFile() + " of " + key.secretId() + " is empty");
            }
            return new Credential(key.secretId(), first);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read secretKeyFile " + key.secretKeyFile() + " of " + key.secretId()
                    + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "SigningKeys[active=" + active.map(Credential::secretId).orElse("none") + ", all=" + secretIds() + "]";
    }
}
