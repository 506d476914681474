package io.openvod.app.account;

import java.time.Instant;
import java.util.Optional;

/**
 * A bearer token as stored: only its SHA-256 hash is kept, never the token itself.
 *
 * @param tokenHash lower-case hex SHA-256 of the token
 * @param userId whose token it is
 * @param kind session or API token
 * @param label a name for API tokens (e.g. the service that uses it); empty for sessions
 * @param createdAt when it was issued
 * @param expiresAt when it stops working; empty for API tokens without expiry
 */
public record StoredToken(String tokenHash, String userId, TokenKind kind, String label,
                          Instant createdAt, Optional<Instant> expiresAt) {
    public boolean expiredAt(Instant now) {
        return expiresAt.map(e -> !now.isBefore(e)).orElse(false);
    }
}
