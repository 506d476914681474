package io.openvod.app.config;

import java.time.Duration;

/**
 * {@code app.auth:} — which credentials the signature service accepts.
 *
 * @param accounts built-in accounts: sign in with a password for a session token. Defaults to true.
 * @param sessionTtl how long a session token lives. Defaults to 12h.
 * @param apiTokens static bearer tokens for service clients. Defaults to true.
 * @param jwt JWT bearer tokens from an identity provider
 * @param cacheTtl how long token and account lookups are remembered; a ban or revocation made by
 *     another process (the CLI) takes effect within it. 0s turns the cache off. Defaults to 5s.
 */
public record AuthConfig(boolean accounts, Duration sessionTtl, boolean apiTokens, JwtSection jwt, Duration cacheTtl) {
    public AuthConfig {
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(5) : cacheTtl;
        if (cacheTtl.isNegative() || cacheTtl.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("cacheTtl must be within 0s..5m");
        }
        sessionTtl = sessionTtl == null ? Duration.ofHours(12) : sessionTtl;
        jwt = jwt == null ? new JwtSection(false, null, null, null, null, null, null, null, null, null) : jwt;
        if (sessionTtl.isNegative() || sessionTtl.isZero() || sessionTtl.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("sessionTtl must be within (0, 90d]");
        }
    }
}
