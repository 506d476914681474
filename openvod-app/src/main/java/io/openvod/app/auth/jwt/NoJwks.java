package io.openvod.app.auth.jwt;

import java.util.Optional;

/** The key source of HS256-only configurations: it never has keys. */
enum NoJwks implements JwksSource {
    INSTANCE;

    @Override
    public Optional<JwkSet> keys() {
        return Optional.empty();
    }

    @Override
    public Optional<JwkSet> refresh() {
        return Optional.empty();
    }
}
