package io.openvod.signature;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the secret key that belongs to a secret id. Verifiers use it so that several keys (for
 * rotation, or for several accounts) can be valid at once.
 */
@FunctionalInterface
public interface SecretKeyLookup {

    /** Returns the secret key of {@code secretId}, or empty when the id is unknown. */
    Optional<String> secretKeyFor(String secretId);

    /** A lookup over a fixed set of credentials. */
    static SecretKeyLookup of(Credential... credentials) {
        Map<String, String> keys = Arrays.stream(credentials)
                .collect(Collectors.toUnmodifiableMap(Credential::secretId, Credential::secretKey));
        return id -> Optional.ofNullable(keys.get(id));
    }

    /** Adapts any function that answers {@code null} for unknown ids. */
    static SecretKeyLookup from(Function<String, String> keysById) {
        return id -> Optional.ofNullable(keysById.apply(id));
    }
}
