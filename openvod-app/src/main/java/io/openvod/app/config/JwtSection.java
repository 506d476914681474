package io.openvod.app.config;

import io.openvod.app.account.UserIds;
import io.openvod.app.auth.jwt.JwtConfig;
import io.openvod.core.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.time.Duration;

/**
 * {@code app.auth.jwt:} — accept JWT bearer tokens from an existing identity provider.
 *
 * @param enabled whether JWTs are accepted. Defaults to false.
 * @param hs256Secret the shared secret for HS256 tokens, if the provider signs so
 * @param jwksUrl the provider's JWKS URL for RS256/ES256 tokens, if any
 * @param issuer the required {@code iss}
 * @param audience the required {@code aud}
 * @param userClaim the claim holding the app's user id. Defaults to {@code sub}.
 * @param roleClaim the claim holding the user's role. Defaults to {@code role}.
 * @param clockSkew tolerance for {@code exp}/{@code nbf}/{@code iat}. Defaults to 60s.
 * @param jwksCacheTtl how long fetched keys are trusted before refreshing. Defaults to 10m.
 * @param accountMap user claim → built-in account id: a token whose user claim is a key acts as
 *     that account (its role, ban, quota and videos). Every other token's user is
 *     {@code jwt:<user claim>}, never a built-in account. Defaults to none.
 */
public record JwtSection(boolean enabled, Secret hs256Secret, String jwksUrl, String issuer, String audience,
                         String userClaim, String roleClaim, Duration clockSkew, Duration jwksCacheTtl,
                         Map<String, String> accountMap) {
    public JwtSection {
        accountMap = accountMap == null ? Map.of() : new TreeMap<>(accountMap);
        for (Map.Entry<String, String> e : accountMap.entrySet()) {
            if (!UserIds.isValid(e.getKey())) {
                throw new IllegalArgumentException("accountMap key '" + e.getKey()
                        + "' must be a user claim value: 1-64 characters of A-Z a-z 0-9 . _ @ -");
            }
            if (!UserIds.isValid(e.getValue())) {
                throw new IllegalArgumentException("accountMap." + e.getKey() + " must name a built-in account id: "
                        + "1-64 characters of A-Z a-z 0-9 . _ @ -");
            }
        }
        accountMap = Collections.unmodifiableMap(accountMap);
        jwksUrl = jwksUrl == null ? "" : jwksUrl.strip();
        issuer = issuer == null ? "" : issuer.strip();
        audience = audience == null ? "" : audience.strip();
        userClaim = userClaim == null || userClaim.isBlank() ? "sub" : userClaim.strip();
        roleClaim = roleClaim == null || roleClaim.isBlank() ? "role" : roleClaim.strip();
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(10) : jwksCacheTtl;
        if (enabled) {
            if (hs256Secret == null && jwksUrl.isEmpty()) {
                throw new IllegalArgumentException("jwt is enabled but neither hs256Secret nor jwksUrl is set");
            }
            if (issuer.isEmpty() || audience.isEmpty()) {
                throw new IllegalArgumentException("jwt is enabled: issuer and audience are required");
            }
            jwtConfig(hs256Secret, jwksUrl, issuer, audience, userClaim, roleClaim, clockSkew, jwksCacheTtl);
        }
    }

    /**
     * The verifier's configuration; validates secret length, URL and bounds.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public JwtConfig toJwtConfig() {
        return jwtConfig(hs256Secret, jwksUrl, issuer, audience, userClaim, roleClaim, clockSkew, jwksCacheTtl);
    }

    private static JwtConfig jwtConfig(Secret hs256Secret, String jwksUrl, String issuer, String audience,
                                       String userClaim, String roleClaim, Duration clockSkew, Duration jwksCacheTtl) {
        URI url;
        try {
            url = jwksUrl.isEmpty() ? null : new URI(jwksUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("jwksUrl '" + jwksUrl + "' is not a URL");
        }
        return new JwtConfig(Optional.ofNullable(hs256Secret), Optional.ofNullable(url), issuer, audience,
                userClaim, roleClaim, clockSkew, jwksCacheTtl, null);
    }
}
