package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.app.AppError;
import io.openvod.app.account.Account;
import io.openvod.app.account.AccountExistsException;
import io.openvod.app.account.AccountStore;
import io.openvod.app.account.StoredToken;
import io.openvod.app.account.TokenKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link AccountStore} must do; implemented once per database. */
public interface AccountStoreContract {
    Instant NOW = Instant.parse("2026-05-01T10:15:30.123Z");
    String HASH = "$argon2id$v=19$m=19456,t=2,p=1$b3BlbnZvZHNhbHQxMjM0NQ$7bEbmJPIf8tUgiV+6utI2rYZWfzNaP4iYEjLwNqEZkQ";

    /** A store over an empty database. */
    AccountStore accounts();

    /** Every value the database holds, as text. */
    List<String> storedText();

    @Test
    default void createdAccountsCanBeFound() {
        Account created = accounts().create("alice", "uploader", Optional.of(HASH), NOW);

        assertThat(created).isEqualTo(new Account("alice", "uploader", false, true, NOW));
        assertThat(accounts().find("alice")).contains(created);
        assertThat(accounts().passwordHash("alice")).contains(HASH);
    }

    @Test
    default void accountsMayHaveNoPassword() {
        accounts().create("svc.uploader", "", Optional.empty(), NOW);

        assertThat(accounts().find("svc.uploader")).contains(new Account("svc.uploader", "", false, false, NOW));
        assertThat(accounts().passwordHash("svc.uploader")).isEmpty();
    }

    @Test
    default void unknownUsersAreNotFound() {
        assertThat(accounts().find("nobody")).isEmpty();
        assertThat(accounts().passwordHash("nobody")).isEmpty();
        assertThat(accounts().list()).isEmpty();
    }

    @Test
    default void creatingAnExistingUserFailsAndChangesNothing() {
        accounts().create("alice", "uploader", Optional.of(HASH), NOW);

        assertThatThrownBy(() -> accounts().create("alice", "admin", Optional.empty(), NOW.plusSeconds(1)))
                .isInstanceOf(AccountExistsException.class)
                .satisfies(e -> assertThat(((AccountExistsException) e).errorCode()).isEqualTo(AppError.ACCOUNT_EXISTS));
        assertThat(accounts().find("alice")).contains(new Account("alice", "uploader", false, true, NOW));
        assertThat(accounts().passwordHash("alice")).contains(HASH);
    }

    @Test
    default void invalidUserIdsAreRefused() {
        assertThatThrownBy(() -> accounts().create("no spaces", "", Optional.empty(), NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts().setBanned("x".repeat(65), true, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts().list()).isEmpty();
    }

    @Test
    default void listIsSortedByUserId() {
        accounts().create("carol", "", Optional.empty(), NOW);
        accounts().create("alice", "", Optional.of(HASH), NOW);
        accounts().create("bob", "admin", Optional.empty(), NOW);

        assertThat(accounts().list()).extracting(Account::userId).containsExactly("alice", "bob", "carol");
    }

    @Test
    default void banningKeepsEverythingElse() {
        accounts().create("alice", "uploader", Optional.of(HASH), NOW);

        Account banned = accounts().setBanned("alice", true, NOW.plusSeconds(60));
        assertThat(banned).isEqualTo(new Account("alice", "uploader", true, true, NOW));
        assertThat(accounts().find("alice")).contains(banned);
        assertThat(accounts().passwordHash("alice")).contains(HASH);

        Account unbanned = accounts().setBanned("alice", false, NOW.plusSeconds(120));
        assertThat(unbanned).isEqualTo(new Account("alice", "uploader", false, true, NOW));
    }

    @Test
    default void banningAnUnknownUserCreatesAPasswordlessAccount() {
        Account banned = accounts().setBanned("idp-user@example.com", true, NOW);

        assertThat(banned).isEqualTo(new Account("idp-user@example.com", "", true, false, NOW));
        assertThat(accounts().find("idp-user@example.com")).contains(banned);
        assertThat(accounts().passwordHash("idp-user@example.com")).isEmpty();
    }

    @Test
    default void settingARoleKeepsEverythingElseOrCreatesTheAccount() {
        accounts().create("alice", "uploader", Optional.of(HASH), NOW);
        accounts().setBanned("alice", true, NOW);

        assertThat(accounts().setRole("alice", "admin", NOW.plusSeconds(5)))
                .isEqualTo(new Account("alice", "admin", true, true, NOW));
        assertThat(accounts().setRole("bob", "viewer", NOW.plusSeconds(5)))
                .isEqualTo(new Account("bob", "viewer", false, false, NOW.plusSeconds(5)));
        assertThat(accounts().find("bob")).map(Account::role).contains("viewer");
    }

    @Test
    default void passwordHashesCanBeReplacedForExistingAccountsOnly() {
        accounts().setRole("alice", "uploader", NOW);

        accounts().setPasswordHash("alice", HASH);
        assertThat(accounts().passwordHash("alice")).contains(HASH);
        assertThat(accounts().find("alice")).map(Account::hasPassword).contains(true);

        assertThatThrownBy(() -> accounts().setPasswordHash("nobody", HASH)).isInstanceOf(NoSuchElementException.class);
        assertThat(accounts().find("nobody")).isEmpty();
    }

    @Test
    default void tokensAreSavedFoundListedAndDeleted() {
        accounts().create("alice", "", Optional.of(HASH), NOW);
        StoredToken session = new StoredToken(hex('a'), "alice", TokenKind.SESSION, "", NOW,
                Optional.of(NOW.plus(Duration.ofHours(12))));
        StoredToken api = new StoredToken(hex('b'), "alice", TokenKind.API, "transcoder", NOW.plusSeconds(1), Optional.empty());
        accounts().saveToken(session);
        accounts().saveToken(api);

        assertThat(accounts().findToken(hex('a'))).contains(session);
        assertThat(accounts().findToken(hex('b'))).contains(api);
        assertThat(accounts().findToken(hex('c'))).isEmpty();
        assertThat(accounts().tokens("alice")).containsExactly(api, session);
        assertThat(accounts().tokens("bob")).isEmpty();

        assertThat(accounts().deleteToken(hex('a'))).isTrue();
        assertThat(accounts().deleteToken(hex('a'))).isFalse();
        assertThat(accounts().findToken(hex('a'))).isEmpty();
        assertThat(accounts().tokens("alice")).containsExactly(api);
    }

    @Test
    default void tokensNeedAnAccountAndAFreshHash() {
        StoredToken orphan = new StoredToken(hex('d'), "nobody", TokenKind.API, "", NOW, Optional.empty());
        assertThatThrownBy(() -> accounts().saveToken(orphan)).isInstanceOf(NoSuchElementException.class);

        accounts().create("alice", "", Optional.empty(), NOW);
        accounts().create("bob", "", Optional.empty(), NOW);
        accounts().saveToken(new StoredToken(hex('e'), "alice", TokenKind.API, "", NOW, Optional.empty()));
        StoredToken clash = new StoredToken(hex('e'), "bob", TokenKind.API, "", NOW, Optional.empty());

        assertThatThrownBy(() -> accounts().saveToken(clash)).isInstanceOf(IllegalStateException.class);
        assertThat(accounts().findToken(hex('e'))).map(StoredToken::userId).contains("alice");
    }

    @Test
    default void expiredTokensArePurged() {
        accounts().create("alice", "", Optional.empty(), NOW);
        Instant start = NOW.minus(Duration.ofDays(1));
        accounts().saveToken(new StoredToken(hex('1'), "alice", TokenKind.SESSION, "", start, Optional.of(NOW.minusMillis(1))));
        accounts().saveToken(new StoredToken(hex('2'), "alice", TokenKind.SESSION, "", start, Optional.of(NOW)));
        accounts().saveToken(new StoredToken(hex('3'), "alice", TokenKind.SESSION, "", start, Optional.of(NOW.plusMillis(1))));
        accounts().saveToken(new StoredToken(hex('4'), "alice", TokenKind.API, "ci", start, Optional.empty()));

        assertThat(accounts().deleteExpiredTokens(NOW)).isEqualTo(2);

        assertThat(accounts().tokens("alice")).extracting(StoredToken::tokenHash).containsExactlyInAnyOrder(hex('3'), hex('4'));
        assertThat(accounts().tokens("alice")).noneMatch(t -> t.expiredAt(NOW));
        assertThat(accounts().deleteExpiredTokens(NOW)).isZero();
    }

    @Test
    default void neitherPasswordsNorRawTokensAreStored() {
        String rawToken = "ovt_3q2+7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        accounts().create("alice", "", Optional.of(HASH), NOW);
        accounts().saveToken(new StoredToken(hex('f'), "alice", TokenKind.API, "ci", NOW, Optional.empty()));

        List<String> text = storedText();
        assertThat(text).contains(HASH, hex('f'));
        assertThat(text).noneMatch(v -> v.contains("correct horse battery staple") || v.contains(rawToken));
    }

    private static String hex(char c) {
        return String.valueOf(c).repeat(64);
    }
}
