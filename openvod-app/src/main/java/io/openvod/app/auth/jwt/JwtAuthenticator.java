package io.openvod.app.auth.jwt;

import io.openvod.app.AppException;
import io.openvod.app.account.Principal;
import io.openvod.app.account.UserIds;
import io.openvod.app.auth.TokenAuthenticator;
import java.util.Map;
import java.util.Objects;

/**
 * JWT bearer tokens as principals. A verified token's user claim {@code sub} becomes the user
 * {@code jwt:<sub>} — an id of its own namespace, which no built-in account has — so an identity
 * provider's user never acts as the built-in account of the same name: not its role, ban, quota,
 * videos or moderation rights. Only an operator's explicit entry {@code sub → account} in
 * {@code accountMap} makes a token stand for a built-in account. The token's role claim goes
 * with the principal either way.
 */
public final class JwtAuthenticator implements TokenAuthenticator {
    private final JwtVerifier verifier;
    private final Map<String, String> accountMap;

    /**
     * @param accountMap user claim → built-in account id, for the tokens an operator maps to an
     *     account; every key and value must be a valid user id
     */
    public JwtAuthenticator(JwtVerifier verifier, Map<String, String> accountMap) {
        this.verifier = Objects.requireNonNull(verifier, "verifier == null");
        this.accountMap = Map.copyOf(accountMap);
        this.accountMap.forEach((sub, account) -> {
            UserIds.requireValid(sub);
            UserIds.requireValid(account);
        });
    }

    @Override
    public Principal authenticate(String token) {
        return switch (verifier.verify(token)) {
            case JwtResult.Valid v -> new Principal(userIdOf(v.claims().subject()), v.claims().role(), Principal.AuthMethod.JWT);
            case JwtResult.Invalid i -> throw new AppException(i.error(), "JWT refused: " + i.detail());
        };
    }

    /** The app's user id of a token with this user claim. */
    public String userIdOf(String subject) {
        String mapped = accountMap.get(subject);
        return mapped != null ? mapped : UserIds.ofJwt(subject);
    }
}
