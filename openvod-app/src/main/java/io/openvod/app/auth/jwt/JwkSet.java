package io.openvod.app.auth.jwt;

import java.util.List;
import java.util.Objects;

/**
 * The usable verification keys of a JSON Web Key Set, in the order the set lists them.
 *
 * @param keys the keys; unsupported entries of the published set are already left out
 */
public record JwkSet(List<Jwk> keys) {
    public JwkSet {
        keys = List.copyOf(Objects.requireNonNull(keys, "keys == null"));
    }

    /** The keys with this {@code kid} (normally one). */
    public List<Jwk> withKid(String kid) {
        return keys.stream().filter(k -> k.hasKid(kid)).toList();
    }

    /** The keys that verify this algorithm. */
    public List<Jwk> forAlgorithm(JwtAlgorithm algorithm) {
        return keys.stream().filter(k -> k.algorithm() == algorithm).toList();
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }
}
