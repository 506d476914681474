package io.openvod.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlAccountStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachingAccountStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path dir;
    AppDatabase database;
    SqlAccountStore backing;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void open() {
        database = AppDatabase.openSqlite(dir.resolve("app.db"));
        backing = new SqlAccountStore(database.jdbi());
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** The backing store, counting the calls that reach it. */
    private AccountStore counted() {
        return (AccountStore) Proxy.newProxyInstance(AccountStore.class.getClassLoader(), new Class<?>[] {AccountStore.class},
                (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(backing, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    @Test
    void repeatedLookupsShouldReachTheStoreOnceWithinTheTtl() {
        CachingAccountStore store = new CachingAccountStore(counted(), Duration.ofMinutes(1));
        store.create("amy", "", Optional.empty(), NOW);
        store.saveToken(new StoredToken("h1", "amy", TokenKind.API, "", NOW, Optional.empty()));
        for (int i = 0; i < 5; i++) {
            assertThat(store.find("amy")).isPresent();
            assertThat(store.findToken("h1")).isPresent();
        }
        assertThat(calls("find")).isEqualTo(1);
        assertThat(calls("findToken")).isEqualTo(1);
    }

    @Test
    void writesThroughTheCacheShouldTakeEffectAtOnce() {
        CachingAccountStore store = new CachingAccountStore(counted(), Duration.ofMinutes(1));
        store.create("bea", "", Optional.empty(), NOW);
        store.saveToken(new StoredToken("h2", "bea", TokenKind.API, "", NOW, Optional.empty()));
        assertThat(store.find("bea").orElseThrow().banned()).isFalse();
        assertThat(store.findToken("h2")).isPresent();
        store.setBanned("bea", true, NOW);
        assertThat(store.find("bea").orElseThrow().banned()).isTrue();
        assertThat(store.deleteToken("h2")).isTrue();
        assertThat(store.findToken("h2")).isEmpty();
    }

    @Test
    void writesByAnotherProcessShouldShowAfterTheTtlAndUnknownTokensAreNotRemembered() throws Exception {
        CachingAccountStore store = new CachingAccountStore(counted(), Duration.ofMillis(200));
        backing.create("cai", "", Optional.empty(), NOW);
        assertThat(store.find("cai").orElseThrow().banned()).isFalse();
        backing.setBanned("cai", true, NOW);
        assertThat(store.find("cai").orElseThrow().banned()).isFalse();
        Thread.sleep(300);
        assertThat(store.find("cai").orElseThrow().banned()).isTrue();

        for (int i = 0; i < 3; i++) {
            assertThat(store.findToken("unknown")).isEmpty();
        }
        assertThat(calls("findToken")).isEqualTo(3);
    }

    @Test
    void zeroTtlShouldNotCache() {
        CachingAccountStore store = new CachingAccountStore(counted(), Duration.ZERO);
        backing.create("dan", "", Optional.empty(), NOW);
        store.find("dan");
        store.find("dan");
        assertThat(calls("find")).isEqualTo(2);
    }
}
