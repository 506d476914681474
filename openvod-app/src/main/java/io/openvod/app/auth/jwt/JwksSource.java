package io.openvod.app.auth.jwt;

import java.util.Optional;

/**
 * Where the verification keys of RS256 and ES256 tokens come from: the port of which
 * {@link HttpJwksSource} is the adapter. Implementations are thread-safe, cache their keys and
 * never throw; a failed fetch leaves the last good key set in place.
 */
public interface JwksSource {

    /**
     * The current key set: the cached one while it is fresh, otherwise fetched anew (or, when
     * that fails, the last good one).
     *
     * @return the key set, or empty if no key set could be had yet
     */
    Optional<JwkSet> keys();

    /**
     * Fetches the key set now, because a token names a key the cached set does not have. An
     * implementation may decline when it fetched a moment ago (so that tokens with made-up key
     * ids cannot make it hammer the identity provider) and then answers like {@link #keys()}.
     *
     * @return the key set after the refresh, or empty if no key set could be had yet
     */
    Optional<JwkSet> refresh();

    /** A source without keys, for configurations that use HS256 only. */
    static JwksSource none() {
        return NoJwks.INSTANCE;
    }
}
