package io.openvod.app.auth.jwt;

import io.openvod.core.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How JWT bearer tokens from an identity provider are checked.
 *
 * <p>At least one key source is required: {@code hs256Secret} enables HS256 tokens (a shared
 * secret of at least 32 bytes), {@code jwksUrl} enables RS256 and ES256 tokens whose public keys
 * the identity provider publishes as a JSON Web Key Set. A {@code null} for an optional field or a
 * field with a default means "not set" / "the default". The secret never appears in
 * {@link #toString()} or in a validation message; the JWKS URL is shown without its query.
 *
 * @param hs256Secret the shared HMAC secret for HS256 tokens, if HS256 is used
 * @param jwksUrl the identity provider's JWKS endpoint (http or https), if RS256/ES256 are used
 * @param issuer the exact {@code iss} every token must carry
 * @param audience the value that the token's {@code aud} (a string or an array) must contain
 * @param userClaim the claim holding the app user id; default {@code sub}
 * @param roleClaim the claim holding the user's role, if any; default {@code role}
 * @param clockSkew tolerance for {@code exp}, {@code nbf} and {@code iat}; default 60 s, at most 5 min
 * @param jwksCacheTtl how long a fetched key set is used before it is fetched again; default
 *     10 min, between 30 s and 24 h
 * @param jwksTimeout the connect and response timeout of a JWKS fetch; default 5 s, at most 60 s
 */
public record JwtConfig(
        Optional<Secret> hs256Secret,
        Optional<URI> jwksUrl,
        String issuer,
        String audience,
        String userClaim,
        String roleClaim,
        Duration clockSkew,
        Duration jwksCacheTtl,
        Duration jwksTimeout) {

    /** The shortest HS256 secret accepted, in UTF-8 bytes (RFC 7518 §3.2: a key of 256 bits). */
    public static final int MIN_HS256_SECRET_BYTES = 32;
    public static final String DEFAULT_USER_CLAIM = "sub";
    public static final String DEFAULT_ROLE_CLAIM = "role";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofSeconds(5);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    static final Duration MIN_JWKS_CACHE_TTL = Duration.ofSeconds(30);
    static final Duration MAX_JWKS_CACHE_TTL = Duration.ofHours(24);
    static final Duration MAX_JWKS_TIMEOUT = Duration.ofSeconds(60);

    public JwtConfig {
        hs256Secret = hs256Secret == null ? Optional.empty() : hs256Secret;
        jwksUrl = jwksUrl == null ? Optional.empty() : jwksUrl;
        userClaim = userClaim == null ? DEFAULT_USER_CLAIM : userClaim;
        roleClaim = roleClaim == null ? DEFAULT_ROLE_CLAIM : roleClaim;
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
        jwksCacheTtl = jwksCacheTtl == null ? DEFAULT_JWKS_CACHE_TTL : jwksCacheTtl;
        jwksTimeout = jwksTimeout == null ? DEFAULT_JWKS_TIMEOUT : jwksTimeout;

        if (hs256Secret.isEmpty() && jwksUrl.isEmpty()) {
            throw new IllegalArgumentException("JWT needs a key source: set hs256Secret, jwksUrl or both");
        }
        hs256Secret.ifPresent(JwtConfig::checkSecret);
        jwksUrl.ifPresent(JwtConfig::checkUrl);
        requireText("issuer", issuer);
        requireText("audience", audience);
        requireText("userClaim", userClaim);
        requireText("roleClaim", roleClaim);
        requireBetween("clockSkew", clockSkew, Duration.ZERO, MAX_CLOCK_SKEW);
        requireBetween("jwksCacheTtl", jwksCacheTtl, MIN_JWKS_CACHE_TTL, MAX_JWKS_CACHE_TTL);
        requireBetween("jwksTimeout", jwksTimeout, Duration.ofMillis(1), MAX_JWKS_TIMEOUT);
    }

    /** HS256 only, with the other fields at their defaults. */
    public static JwtConfig hs256(Secret secret, String issuer, String audience) {
        Objects.requireNonNull(secret, "hs256Secret == null");
        return new JwtConfig(Optional.of(secret), Optional.empty(), issuer, audience, null, null, null, null, null);
    }

    /** RS256 and ES256 from a JWKS endpoint, with the other fields at their defaults. */
    public static JwtConfig jwks(URI jwksUrl, String issuer, String audience) {
        Objects.requireNonNull(jwksUrl, "jwksUrl == null");
        return new JwtConfig(Optional.empty(), Optional.of(jwksUrl), issuer, audience, null, null, null, null, null);
    }

    /** This configuration with another user claim and role claim. */
    public JwtConfig withClaims(String userClaim, String roleClaim) {
        return new JwtConfig(hs256Secret, jwksUrl, issuer, audience, userClaim, roleClaim, clockSkew, jwksCacheTtl, jwksTimeout);
    }

    /** This configuration with another clock skew. */
    public JwtConfig withClockSkew(Duration clockSkew) {
        return new JwtConfig(hs256Secret, jwksUrl, issuer, audience, userClaim, roleClaim, clockSkew, jwksCacheTtl, jwksTimeout);
    }

    /** This configuration with another JWKS cache lifetime and fetch timeout. */
    public JwtConfig withJwksTiming(Duration jwksCacheTtl, Duration jwksTimeout) {
        return new JwtConfig(hs256Secret, jwksUrl, issuer, audience, userClaim, roleClaim, clockSkew, jwksCacheTtl, jwksTimeout);
    }

    @Override
    public String toString() {
        return "JwtConfig[hs256Secret=" + (hs256Secret.isPresent() ? "****" : "none")
                + ", jwksUrl=" + jwksUrl.map(Texts::redactUrl).orElse("none")
                + ", issuer=" + issuer + ", audience=" + audience
                + ", userClaim=" + userClaim + ", roleClaim=" + roleClaim
                + ", clockSkew=" + clockSkew + ", jwksCacheTtl=" + jwksCacheTtl + ", jwksTimeout=" + jwksTimeout + "]";
    }

    private static void checkSecret(Secret secret) {
        if (secret.reveal().getBytes(StandardCharsets.UTF_8).length < MIN_HS256_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "hs256Secret must be at least " + MIN_HS256_SECRET_BYTES + " bytes (256 bits) long");
        }
    }

    private static void checkUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("jwksUrl must be an absolute http or https URL");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("jwksUrl must name a host");
        }
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("jwksUrl must not contain user info (credentials)");
        }
        if (url.getRawFragment() != null) {
            throw new IllegalArgumentException("jwksUrl must not contain a fragment");
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and may not be blank");
        }
    }

    private static void requireBetween(String field, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
        }
    }
}
