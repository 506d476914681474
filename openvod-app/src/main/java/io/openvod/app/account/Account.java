package io.openvod.app.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A user the app backend knows: built-in accounts (with a password) and users from an identity
 * provider or API tokens that were banned or given a role here (without one).
 *
 * @param userId the app's user id; it is what signatures carry in {@code sourceContext}
 * @param role the policy role; empty means the configured default role
 * @param banned true when the user may not upload at all
 * @param hasPassword true when the user can sign in with a password
 * @param createdAt when the record was created
 */
public record Account(String userId, String role, boolean banned, boolean hasPassword, Instant createdAt) {
    public Account {
        UserIds.requireKnown(userId);
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }
}
