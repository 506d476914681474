package io.openvod.app.auth;

import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.Principal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads {@code Authorization: Bearer <token>} and hands the token to the authenticator of its
 * kind: OpenVOD session and API tokens by their prefix, JWTs (three dot-separated parts) to the
 * identity-provider verifier when one is configured. A banned user is refused whatever the
 * credential ({@code USER_BANNED}), so a ban stops every API, also sessions and tokens issued
 * before it; whether a user is banned is read as the account store answers it (a ban made
 * through the service at once, one made by another process within {@code app.auth.cacheTtl}).
 */
public final class BearerAuthenticator {
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private final TokenAuthenticator openVodTokens;
    private final Optional<TokenAuthenticator> jwt;
    private final Predicate<String> banned;

    /**
     * @param banned whether a user id is banned
     */
    public BearerAuthenticator(TokenAuthenticator openVodTokens, Optional<TokenAuthenticator> jwt, Predicate<String> banned) {
        this.openVodTokens = openVodTokens;
        this.jwt = jwt;
        this.banned = banned;
    }

    /**
     * @param authorization the {@code Authorization} header, if sent
     * @throws AppException {@code NOT_SIGNED_IN} without credentials, {@code INVALID_TOKEN} /
     *     {@code TOKEN_EXPIRED} for refused ones, {@code USER_BANNED} for a banned user
     */
    public Principal authenticate(Optional<String> authorization) {
        Principal principal = resolve(authorization);
        if (banned.test(principal.userId())) {
            throw new AppException(AppError.USER_BANNED, "user " + principal.userId() + " is banned");
        }
        return principal;
    }

    private Principal resolve(Optional<String> authorization) {
        String header = authorization.map(String::strip).filter(h -> !h.isEmpty())
                .orElseThrow(() -> new AppException(AppError.NOT_SIGNED_IN, "sign in first: send Authorization: Bearer <token>"));
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new AppException(AppError.INVALID_TOKEN, "the Authorization header must be 'Bearer <token>'");
        }
        String token = header.substring(7).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new AppException(AppError.INVALID_TOKEN, "the bearer token is empty or too long");
        }
        if (token.chars().filter(c -> c == '.').count() == 2) {
            return jwt.orElseThrow(() -> new AppException(AppError.INVALID_TOKEN, "JWT bearer tokens are not enabled"))
                    .authenticate(token);
        }
        return openVodTokens.authenticate(token);
    }
}
