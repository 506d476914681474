package io.openvod.app.account;

import io.openvod.app.AppError;
import io.openvod.app.AppException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Built-in accounts: creating users, signing in for a session token, API tokens for service
 * clients, and resolving a presented token to its user.
 */
public final class AccountService {
    /**
     * Hash checked when the user does not exist, so that timing does not tell which users exist. It
     * costs one Argon2id hash (a good part of the app backend's start, cold), so it is made on a daemon
     * thread of its own ({@code openvod-decoy-hash}) as the service is made; the first sign-in of an
     * unknown user waits for it.
     */
    private final CompletableFuture<String> decoyHash;
    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Duration sessionTtl;
    private final Clock clock;

    public AccountService(AccountStore store, PasswordHasher hasher, Duration sessionTtl, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.sessionTtl = sessionTtl;
        this.clock = clock;
        this.decoyHash = CompletableFuture.supplyAsync(() -> hasher.hash("decoy-password".toCharArray()),
                task -> Thread.ofPlatform().daemon().name("openvod-decoy-hash").start(task));
    }

    public Account createUser(String userId, String role, Optional<char[]> password) {
        if (!UserIds.isValid(userId)) {
            throw new AppException(AppError.BAD_REQUEST, "user id '" + userId + "' must be 1-64 characters of A-Z a-z 0-9 . _ @ -");
        }
        Optional<String> hash = password.map(p -> {
            if (p.length < 8) {
                throw new AppException(AppError.BAD_REQUEST, "a password needs at least 8 characters");
            }
            return hasher.hash(p);
        });
        return store.create(userId, role, hash, clock.instant());
    }

    public void setPassword(String userId, char[] password) {
        if (password.length < 8) {
            throw new AppException(AppError.BAD_REQUEST, "a password needs at least 8 characters");
        }
        requireAccount(userId);
        store.setPasswordHash(userId, hasher.hash(password));
    }

    /**
     * Checks the password and issues a session token.
     *
     * @return the token (shown once; only its hash is stored)
     * @throws AppException {@link AppError#INVALID_CREDENTIALS} for an unknown user or a wrong password alike;
     *     {@link AppError#USER_BANNED} for a banned user with the right password
     */
    public IssuedToken signIn(String userId, char[] password) {
        Optional<String> stored = UserIds.isValid(userId) ? store.passwordHash(userId) : Optional.empty();
        boolean ok = hasher.verify(password, stored.isPresent() ? stored.get() : decoyHash.join()) && stored.isPresent();
        if (!ok) {
            throw new AppException(AppError.INVALID_CREDENTIALS, "user name or password is wrong");
        }
        if (store.find(userId).map(Account::banned).orElse(false)) {
            throw new AppException(AppError.USER_BANNED, "user " + userId + " is banned");
        }
        return issue(userId, TokenKind.SESSION, "", Optional.of(sessionTtl));
    }

    /** Creates an API token for a service client; {@code ttl} empty means it does not expire. */
    public IssuedToken createApiToken(String userId, String label, Optional<Duration> ttl) {
        requireAccount(userId);
        return issue(userId, TokenKind.API, label, ttl);
    }

    /** Ends a session or revokes a token; false if it was not known. */
    public boolean revoke(String token) {
        return store.deleteToken(BearerTokens.hash(token));
    }

    /**
     * Resolves an OpenVOD bearer token ({@code ovs_…}, {@code ova_…}).
     *
     * @throws AppException {@link AppError#INVALID_TOKEN} or {@link AppError#TOKEN_EXPIRED}
     */
    public Principal authenticate(String token, boolean sessionsEnabled, boolean apiTokensEnabled) {
        TokenKind claimed = BearerTokens.kindOf(token)
                .orElseThrow(() -> new AppException(AppError.INVALID_TOKEN, "not an OpenVOD token"));
        if (claimed == TokenKind.SESSION && !sessionsEnabled || claimed == TokenKind.API && !apiTokensEnabled) {
            throw new AppException(AppError.INVALID_TOKEN, claimed.name().toLowerCase() + " tokens are disabled");
        }
        StoredToken stored = store.findToken(BearerTokens.hash(token))
                .filter(t -> t.kind() == claimed)
                .orElseThrow(() -> new AppException(AppError.INVALID_TOKEN, "unknown or revoked token"));
        if (stored.expiredAt(clock.instant())) {
            throw new AppException(AppError.TOKEN_EXPIRED, "token expired at " + stored.expiresAt().orElseThrow());
        }
        return new Principal(stored.userId(), Optional.empty(),
                claimed == TokenKind.SESSION ? Principal.AuthMethod.SESSION : Principal.AuthMethod.API_TOKEN);
    }

    private IssuedToken issue(String userId, TokenKind kind, String label, Optional<Duration> ttl) {
        String token = BearerTokens.newToken(kind);
        Instant now = clock.instant();
        Optional<Instant> expires = ttl.map(now::plus);
        store.saveToken(new StoredToken(BearerTokens.hash(token), userId, kind, label, now, expires));
        return new IssuedToken(token, expires);
    }

    private void requireAccount(String userId) {
        if (!UserIds.isValid(userId) || store.find(userId).isEmpty()) {
            throw new AppException(AppError.BAD_REQUEST, "no user " + userId);
        }
    }

    /** A token as handed out once. */
    public record IssuedToken(String token, Optional<Instant> expiresAt) {
        @Override
        public String toString() {
            return "IssuedToken[token=****, expiresAt=" + expiresAt + "]";
        }
    }
}
