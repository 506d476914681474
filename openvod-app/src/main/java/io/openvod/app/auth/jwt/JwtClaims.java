package io.openvod.app.auth.jwt;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verified claims of a JWT.
 *
 * @param subject the user claim (by default {@code sub}), a valid app user id
 * @param role the role claim (by default {@code role}), if present; a present role claim is
 *     always a non-blank string, since the verifier refuses any other
 * @param expiresAt {@code exp}
 * @param all every claim, as parsed JSON values (String, Number, Boolean, null, List, Map),
 *     unmodifiable
 */
public record JwtClaims(String subject, Optional<String> role, Instant expiresAt, Map<String, Object> all) {
    public JwtClaims {
        Objects.requireNonNull(subject, "subject == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
        all = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(all, "all == null")));
    }
}
