package io.openvod.app.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts and bearer-token hashes live. Implementations are transactional per call and
 * safe for concurrent use.
 */
public interface AccountStore {

    /**
     * Creates an account.
     *
     * @param passwordHash a {@link PasswordHasher} hash, or empty for an account without password
     * @throws AccountExistsException if the user id is taken
     */
    Account create(String userId, String role, Optional<String> passwordHash, Instant now);

    Optional<Account> find(String userId);

    /** The stored password hash, if the account has one. */
    Optional<String> passwordHash(String userId);

    List<Account> list();

    /** Bans or un-bans; creates a password-less account when the user id is new (so identity-provider users can be banned). */
    Account setBanned(String userId, boolean banned, Instant now);

    /** Sets the role; creates a password-less account when the user id is new. */
    Account setRole(String userId, String role, Instant now);

    void setPasswordHash(String userId, String passwordHash);

    void saveToken(StoredToken token);

    Optional<StoredToken> findToken(String tokenHash);

    /** Removes one token; returns false if there was none. */
    boolean deleteToken(String tokenHash);

    /** Tokens of one user (hashes only), newest first. */
    List<StoredToken> tokens(String userId);

    /** Removes expired tokens; returns how many. */
    int deleteExpiredTokens(Instant now);
}
