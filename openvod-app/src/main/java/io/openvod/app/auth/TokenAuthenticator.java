package io.openvod.app.auth;

import io.openvod.app.account.Principal;

/** Resolves one kind of bearer token to its principal. */
@FunctionalInterface
public interface TokenAuthenticator {

    /**
     * @throws io.openvod.app.AppException {@code INVALID_TOKEN} or {@code TOKEN_EXPIRED} when the token is refused
     */
    Principal authenticate(String token);
}
