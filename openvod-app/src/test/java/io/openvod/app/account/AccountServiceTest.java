package io.openvod.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.store.AppDatabase;
import io.openvod.app.store.SqlAccountStore;
import io.openvod.testing.TestSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Signing in: the decoy hash that an unknown user's password is checked against is made off the caller's thread. */
class AccountServiceTest {
    private static final String PASSWORD = "a long enough password";
    private final AppDatabase database = AppDatabase.open("jdbc:sqlite::memory:");
    private final AccountStore store = new SqlAccountStore(database.jdbi());

    @AfterEach
    void close() {
        database.close();
    }

    /** Argon2id, recording where each hash is made and what each verify checks against; hashes wait for {@code open}. */
    private static final class WatchedHasher implements PasswordHasher {
        final CountDownLatch open = new CountDownLatch(1);
        final List<String> hashedOn = new CopyOnWriteArrayList<>();
        final List<String> verifiedAgainst = new CopyOnWriteArrayList<>();

        @Override
        public String hash(char[] password) {
            hashedOn.add(Thread.currentThread().getName());
            try {
                assertThat(open.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return Argon2idPasswordHasher.DEFAULT.hash(password);
        }

        @Override
        public boolean verify(char[] password, String storedHash) {
            verifiedAgainst.add(storedHash);
            return Argon2idPasswordHasher.DEFAULT.verify(password, storedHash);
        }
    }

    @Test
    void theServiceIsMadeWithoutWaitingForTheDecoyHashAndAnUnknownUserIsCheckedAgainstIt() {
        WatchedHasher hasher = new WatchedHasher();
        AccountService accounts = new AccountService(store, hasher, Duration.ofHours(1), Clock.systemUTC());
        // The constructor returned while the decoy hash is still held back.
        assertThat(hasher.open.getCount()).isEqualTo(1);
        hasher.open.countDown();

        assertThatThrownBy(() -> accounts.signIn("nobody", PASSWORD.toCharArray()))
                .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.error()).isEqualTo(AppError.INVALID_CREDENTIALS));

        assertThat(hasher.hashedOn).containsExactly("openvod-decoy-hash");
        assertThat(hasher.verifiedAgainst).singleElement().asString().startsWith("$argon2id$");
    }

    @Test
    void aKnownUserIsCheckedAgainstTheirOwnHash() {
        WatchedHasher hasher = new WatchedHasher();
        hasher.open.countDown();
        AccountService accounts = new AccountService(store, hasher, Duration.ofHours(1), Clock.systemUTC());
        accounts.createUser("alice", "", Optional.of(PASSWORD.toCharArray()));

        String token = accounts.signIn("alice", PASSWORD.toCharArray()).token();
        TestSecrets.remember(token);
        assertThat(token).isNotBlank();
        assertThatThrownBy(() -> accounts.signIn("alice", "a wrong password!".toCharArray()))
                .isInstanceOfSatisfying(AppException.class, e -> assertThat(e.error()).isEqualTo(AppError.INVALID_CREDENTIALS));
        assertThat(hasher.verifiedAgainst).hasSize(2).allMatch(hash -> hash.equals(store.passwordHash("alice").orElseThrow()));
    }
}
