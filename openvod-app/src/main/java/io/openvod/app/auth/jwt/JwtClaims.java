package io.openvod.app.auth.jwt;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The verified claims of a JWT.
 *
 * @param subject the user claim (by default {@code sub})
 * @param role the role claim, if present and a string
 * @param expiresAt {@code exp}
 * @param all every claim, as parsed JSON values (String, Number, Boolean, List, Map)
 */
public record JwtClaims(String subject, Optional<String> role, Instant expiresAt, Map<String, Object> all) {
}
