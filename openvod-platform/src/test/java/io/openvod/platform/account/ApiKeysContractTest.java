package io.openvod.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import io.openvod.testing.TestSecrets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link ApiKeys} contract, on SQLite and PostgreSQL, with one key listed in the configuration. */
class ApiKeysContractTest {
    private static final long ACCOUNT = 1_300_000_001L;
    private static final long OTHER_ACCOUNT = 1_300_000_002L;
    private static final ApiKey CONFIGURED = key(ACCOUNT, Instant.EPOCH, true);

    @TempDir
    Path dir;
    NodeDatabases databases;
    TestClock clock = TestClock.atNow();

    ApiKeys open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        return new SqlApiKeys(databases.node().jdbi(), List.of(CONFIGURED), clock);
    }

    ApiKeys anotherNode() {
        return new SqlApiKeys(databases.anotherNode().jdbi(), List.of(CONFIGURED), clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    static ApiKey key(long appId, Instant createdAt, boolean fromConfig) {
        return new ApiKey(ApiKeyGenerator.secretId(), TestSecrets.remember(ApiKeyGenerator.secretKey()), appId, true, createdAt,
                fromConfig);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoredKeyIsFoundListedAfterTheConfiguredOnesAndRevokedOnce(TestDatabase engine) {
        ApiKeys keys = open(engine);
        ApiKey older = key(ACCOUNT, clock.instant(), false);
        ApiKey newer = key(OTHER_ACCOUNT, clock.instant().plusSeconds(1), false);
        keys.add(newer);
        keys.add(older);
        assertThat(keys.find(older.secretId())).hasValue(older);
        assertThat(keys.list()).containsExactly(CONFIGURED, older, newer);
        assertThat(keys.revoke(older.secretId())).isTrue();
        assertThat(keys.revoke(older.secretId())).isFalse();
        ApiKey revoked = keys.find(older.secretId()).orElseThrow();
        assertThat(revoked.active()).isFalse();
        assertThat(revoked.usableSecretKey()).isEmpty();
        assertThat(keys.find("AKIDUNKNOWN")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aConfiguredKeyIsAlwaysActiveAndCannotBeStoredOrRevoked(TestDatabase engine) {
        ApiKeys keys = open(engine);
        assertThat(keys.find(CONFIGURED.secretId())).hasValue(CONFIGURED);
        ApiKey sameId = new ApiKey(CONFIGURED.secretId(), TestSecrets.remember(ApiKeyGenerator.secretKey()), ACCOUNT, true,
                clock.instant(), false);
        assertThatThrownBy(() -> keys.add(sameId)).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys.revoke(CONFIGURED.secretId())).isFalse();
        assertThat(keys.find(CONFIGURED.secretId()).orElseThrow().usableSecretKey()).hasValue(CONFIGURED.secretKey());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSignatureSelectsThePrimaryApplicationOrOneRegisteredForItsAccount(TestDatabase engine) {
        ApiKeys keys = open(engine);
        keys.addApp(ACCOUNT, 1_400_000_001L, "media");
        keys.addApp(ACCOUNT, 1_400_000_001L, "media again");
        keys.addApp(OTHER_ACCOUNT, 1_400_000_002L, "theirs");
        assertThat(keys.resolveSubApp(ACCOUNT, Optional.empty())).hasValue(ACCOUNT);
        assertThat(keys.resolveSubApp(ACCOUNT, Optional.of(0L))).hasValue(ACCOUNT);
        assertThat(keys.resolveSubApp(ACCOUNT, Optional.of(ACCOUNT))).hasValue(ACCOUNT);
        assertThat(keys.resolveSubApp(ACCOUNT, Optional.of(1_400_000_001L))).hasValue(1_400_000_001L);
        assertThat(keys.resolveSubApp(ACCOUNT, Optional.of(1_400_000_002L))).isEmpty();
        assertThat(keys.resolveSubApp(ACCOUNT, Optional.of(1_400_000_003L))).isEmpty();
        assertThat(keys.accountOf(1_400_000_002L)).hasValue(OTHER_ACCOUNT);
        assertThatThrownBy(() -> keys.addApp(ACCOUNT, 1_400_000_002L, "stolen")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storingAKeyRegistersItsAccountsPrimaryApplication(TestDatabase engine) {
        ApiKeys keys = open(engine);
        assertThat(keys.accountOf(OTHER_ACCOUNT)).isEmpty();
        keys.add(key(OTHER_ACCOUNT, clock.instant(), false));
        assertThat(keys.accountOf(OTHER_ACCOUNT)).hasValue(OTHER_ACCOUNT);
        assertThatThrownBy(() -> keys.addApp(ACCOUNT, OTHER_ACCOUNT, "stolen")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeyAddedOnOneNodeSignsOnAnotherUntilRevokedThere(TestDatabase engine) {
        ApiKeys keys = open(engine);
        ApiKeys other = anotherNode();
        ApiKey key = key(ACCOUNT, clock.instant(), false);
        keys.add(key);
        assertThat(other.find(key.secretId()).flatMap(ApiKey::usableSecretKey)).hasValue(key.secretKey());
        assertThat(other.revoke(key.secretId())).isTrue();
        assertThat(keys.find(key.secretId()).flatMap(ApiKey::usableSecretKey)).isEmpty();
    }
}
