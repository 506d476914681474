package io.openvod.app.account;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is asking, once authenticated.
 *
 * @param userId the app's user id
 * @param role the role the credential asserts (a JWT claim), if any; the account's role and then
 *     the default role apply otherwise
 * @param method how the user authenticated
 */
public record Principal(String userId, Optional<String> role, AuthMethod method) {
    public Principal {
        Objects.requireNonNull(userId, "userId == null");
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(method, "method == null");
    }

    /** How a principal proved who it is. */
    public enum AuthMethod { SESSION, API_TOKEN, JWT }
}
