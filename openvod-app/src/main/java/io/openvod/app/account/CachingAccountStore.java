package io.openvod.app.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * An {@link AccountStore} that remembers, for a short time, the two lookups every signature
 * request makes: the bearer token and the account. Writes through this store take effect at once
 * (they drop what they change); writes by another process — {@code openvod users ban} or
 * {@code token revoke} while the service runs — take effect within the time-to-live. Unknown
 * tokens are not remembered, so guessing cannot fill the cache.
 */
public final class CachingAccountStore implements AccountStore {
    private static final int MAX_ENTRIES = 100_000;

    private final AccountStore store;
    private final long ttlNanos;
    private final ConcurrentHashMap<String, Entry<StoredToken>> tokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Entry<Optional<Account>>> accounts = new ConcurrentHashMap<>();

    public CachingAccountStore(AccountStore store, Duration ttl) {
        this.store = store;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public Optional<StoredToken> findToken(String tokenHash) {
        Entry<StoredToken> e = tokens.get(tokenHash);
        if (e != null && e.fresh()) {
            return Optional.of(e.value());
        }
        Optional<StoredToken> found = store.findToken(tokenHash);
        found.ifPresentOrElse(t -> remember(tokens, tokenHash, t), () -> tokens.remove(tokenHash));
        return found;
    }

    @Override
    public Optional<Account> find(String userId) {
        Entry<Optional<Account>> e = accounts.get(userId);
        if (e != null && e.fresh()) {
            return e.value();
        }
        Optional<Account> found = store.find(userId);
        remember(accounts, userId, found);
        return found;
    }

    @Override
    public Account create(String userId, String role, Optional<String> passwordHash, Instant now) {
        return changing(userId, () -> store.create(userId, role, passwordHash, now));
    }

    @Override
    public Optional<String> passwordHash(String userId) {
        return store.passwordHash(userId);
    }

    @Override
    public List<Account> list() {
        return store.list();
    }

    @Override
    public Account setBanned(String userId, boolean banned, Instant now) {
        return changing(userId, () -> store.setBanned(userId, banned, now));
    }

    @Override
    public Account setRole(String userId, String role, Instant now) {
        return changing(userId, () -> store.setRole(userId, role, now));
    }

    @Override
    public void setPasswordHash(String userId, String passwordHash) {
        changing(userId, () -> {
            store.setPasswordHash(userId, passwordHash);
            return null;
        });
    }

    @Override
    public void saveToken(StoredToken token) {
        store.saveToken(token);
    }

    @Override
    public boolean deleteToken(String tokenHash) {
        tokens.remove(tokenHash);
        return store.deleteToken(tokenHash);
    }

    @Override
    public List<StoredToken> tokens(String userId) {
        return store.tokens(userId);
    }

    @Override
    public int deleteExpiredTokens(Instant now) {
        tokens.clear();
        return store.deleteExpiredTokens(now);
    }

    private <T> T changing(String userId, Supplier<T> write) {
        accounts.remove(userId);
        try {
            return write.get();
        } finally {
            accounts.remove(userId);
        }
    }

    private <V> void remember(ConcurrentHashMap<String, Entry<V>> map, String key, V value) {
        if (ttlNanos <= 0) {
            return;
        }
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
    }

    private record Entry<V>(V value, long expiresAtNanos) {
        boolean fresh() {
            return System.nanoTime() - expiresAtNanos < 0;
        }
    }
}
