/**
 * JWT bearer tokens from an existing identity provider, verified with the JDK's own crypto.
 *
 * <p>{@link io.openvod.app.auth.jwt.JwtConfig} says what to accept;
 * {@link io.openvod.app.auth.jwt.JwtVerifier} checks a token and answers with a
 * {@link io.openvod.app.auth.jwt.JwtResult}: the {@link io.openvod.app.auth.jwt.JwtClaims} of a
 * valid token, or the {@link io.openvod.app.auth.jwt.JwtResult.Reason} it is refused for, which
 * maps to {@code INVALID_TOKEN} or, for an expired token, {@code TOKEN_EXPIRED}.
 *
 * <p>Three algorithms are accepted ({@link io.openvod.app.auth.jwt.JwtAlgorithm}): HS256 with a
 * shared secret from the configuration, and RS256 and ES256 with public keys from the provider's
 * JSON Web Key Set. {@link io.openvod.app.auth.jwt.JwksSource} is the port for key sets and
 * {@link io.openvod.app.auth.jwt.HttpJwksSource} its HTTP adapter, which caches the set, refreshes
 * it when a token names an unknown key (at most every 30 seconds) and keeps the last good set
 * when the provider is unreachable. Each {@link io.openvod.app.auth.jwt.Jwk} verifies exactly one
 * algorithm, so a token cannot choose how its key is used.
 */
package io.openvod.app.auth.jwt;
