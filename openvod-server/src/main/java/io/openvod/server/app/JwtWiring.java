package io.openvod.server.app;

import io.openvod.app.auth.TokenAuthenticator;
import io.openvod.app.auth.jwt.HttpJwksSource;
import io.openvod.app.auth.jwt.JwtAuthenticator;
import io.openvod.app.auth.jwt.JwksSource;
import io.openvod.app.auth.jwt.JwtConfig;
import io.openvod.app.auth.jwt.JwtVerifier;
import io.openvod.app.config.JwtSection;
import java.time.Clock;
import java.util.Optional;

/** Turns {@code app.auth.jwt} into the JWT bearer authenticator, when enabled. */
final class JwtWiring {
    private JwtWiring() {
    }

    static Optional<TokenAuthenticator> authenticator(JwtSection section, Clock clock) {
        if (!section.enabled()) {
            return Optional.empty();
        }
        JwtConfig config = section.toJwtConfig();
        JwksSource jwks = config.jwksUrl().isPresent() ? HttpJwksSource.create(config, clock) : JwksSource.none();
        JwtVerifier verifier = new JwtVerifier(config, clock, jwks);
        return Optional.of(new JwtAuthenticator(verifier, section.accountMap()));
    }
}
