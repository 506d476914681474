package io.openvod.app.store;

import io.openvod.app.account.Account;
import io.openvod.app.account.AccountExistsException;
import io.openvod.app.account.AccountStore;
import io.openvod.app.account.StoredToken;
import io.openvod.app.account.TokenKind;
import io.openvod.app.account.UserIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link AccountStore} over the {@code accounts} and {@code tokens} tables, in SQL that SQLite and
 * PostgreSQL both accept. Each method is one statement or one transaction.
 *
 * <p>Creating an account that exists throws {@link AccountExistsException} (an
 * {@code INSERT … ON CONFLICT DO NOTHING} that inserted nothing, so no driver's error codes are
 * parsed). {@link #setBanned} and {@link #setRole} upsert, creating a password-less account with
 * an empty role. {@link #setPasswordHash} and {@link #saveToken} need an existing account and throw
 * {@link NoSuchElementException} otherwise; saving a token whose hash is stored already throws
 * {@link IllegalStateException}. Times are kept to the millisecond.
 */
public final class SqlAccountStore implements AccountStore {
    private static final String ACCOUNT_COLUMNS = "user_id, role, banned, created_at,"
            + " CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password";
    private static final String TOKEN_COLUMNS = "token_hash, user_id, kind, label, created_at, expires_at";

    private final Jdbi jdbi;

    public SqlAccountStore(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    }

    @Override
    public Account create(String userId, String role, Optional<String> passwordHash, Instant now) {
        UserIds.requireValid(userId);
        Objects.requireNonNull(role, "role == null");
        Objects.requireNonNull(passwordHash, "passwordHash == null");
        int inserted = jdbi.withHandle(h -> h.createUpdate(
                        "INSERT INTO accounts (user_id, role, banned, password_hash, created_at)"
                                + " VALUES (:userId, :role, 0, :passwordHash, :createdAt)"
                                + " ON CONFLICT (user_id) DO NOTHING")
                .bind("userId", userId)
                .bind("role", role)
                .bind("passwordHash", passwordHash.orElse(null))
                .bind("createdAt", now.toEpochMilli())
                .execute());
        if (inserted == 0) {
            throw new AccountExistsException(userId);
        }
        return new Account(userId, role, false, passwordHash.isPresent(), Instant.ofEpochMilli(now.toEpochMilli()));
    }

    @Override
    public Optional<Account> find(String userId) {
        return jdbi.withHandle(h -> find(h, userId));
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM accounts WHERE user_id = :userId")
                .bind("userId", userId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public List<Account> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM accounts ORDER BY user_id")
                .map(SqlAccountStore::account)
                .list());
    }

    @Override
    public Account setBanned(String userId, boolean banned, Instant now) {
        UserIds.requireKnown(userId);
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (user_id, role, banned, password_hash, created_at)"
                            + " VALUES (:userId, '', :banned, NULL, :createdAt)"
                            + " ON CONFLICT (user_id) DO UPDATE SET banned = excluded.banned")
                    .bind("userId", userId)
                    .bind("banned", Rows.bool(banned))
                    .bind("createdAt", now.toEpochMilli())
                    .execute();
            return find(h, userId).orElseThrow();
        });
    }

    @Override
    public Account setRole(String userId, String role, Instant now) {
        UserIds.requireKnown(userId);
        Objects.requireNonNull(role, "role == null");
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO accounts (user_id, role, banned, password_hash, created_at)"
                            + " VALUES (:userId, :role, 0, NULL, :createdAt)"
                            + " ON CONFLICT (user_id) DO UPDATE SET role = excluded.role")
                    .bind("userId", userId)
                    .bind("role", role)
                    .bind("createdAt", now.toEpochMilli())
                    .execute();
            return find(h, userId).orElseThrow();
        });
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash == null");
        int updated = jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE accounts SET password_hash = :passwordHash WHERE user_id = :userId")
                .bind("passwordHash", passwordHash)
                .bind("userId", userId)
                .execute());
        if (updated == 0) {
            throw new NoSuchElementException("no account with user id " + userId);
        }
    }

    @Override
    public void saveToken(StoredToken token) {
        Objects.requireNonNull(token, "token == null");
        jdbi.useTransaction(h -> {
            if (find(h, token.userId()).isEmpty()) {
                throw new NoSuchElementException("no account with user id " + token.userId());
            }
            int inserted = h.createUpdate("INSERT INTO tokens (" + TOKEN_COLUMNS + ")"
                            + " VALUES (:tokenHash, :userId, :kind, :label, :createdAt, :expiresAt)"
                            + " ON CONFLICT (token_hash) DO NOTHING")
                    .bind("tokenHash", token.tokenHash())
                    .bind("userId", token.userId())
                    .bind("kind", token.kind().name())
                    .bind("label", token.label())
                    .bind("createdAt", token.createdAt().toEpochMilli())
                    .bind("expiresAt", Rows.millis(token.expiresAt()))
                    .execute();
            if (inserted == 0) {
                throw new IllegalStateException("a token with this hash is stored already");
            }
        });
    }

    @Override
    public Optional<StoredToken> findToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .map(SqlAccountStore::token)
                .findOne());
    }

    @Override
    public boolean deleteToken(String tokenHash) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM tokens WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash)
                .execute()) > 0;
    }

    @Override
    public List<StoredToken> tokens(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TOKEN_COLUMNS + " FROM tokens WHERE user_id = :userId"
                        + " ORDER BY created_at DESC, token_hash")
                .bind("userId", userId)
                .map(SqlAccountStore::token)
                .list());
    }

    @Override
    public int deleteExpiredTokens(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM tokens WHERE expires_at IS NOT NULL AND expires_at <= :now")
                .bind("now", now.toEpochMilli())
                .execute());
    }

    private static Optional<Account> find(Handle h, String userId) {
        return h.createQuery("SELECT " + ACCOUNT_COLUMNS + " FROM accounts WHERE user_id = :userId")
                .bind("userId", userId)
                .map(SqlAccountStore::account)
                .findOne();
    }

    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(rs.getString("user_id"), rs.getString("role"), Rows.bool(rs, "banned"),
                Rows.bool(rs, "has_password"), Rows.instant(rs, "created_at"));
    }

    private static StoredToken token(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredToken(rs.getString("token_hash"), rs.getString("user_id"), TokenKind.valueOf(rs.getString("kind")),
                rs.getString("label"), Rows.instant(rs, "created_at"), Rows.optionalInstant(rs, "expires_at"));
    }
}
