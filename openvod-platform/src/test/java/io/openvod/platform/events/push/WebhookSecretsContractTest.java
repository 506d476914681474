package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.Secret;
import io.openvod.platform.account.SqlApiKeys;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import io.openvod.testing.TestSecrets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link WebhookSecrets} contract, on SQLite and PostgreSQL: making, rotating, revoking, per application. */
class WebhookSecretsContractTest {
    private static final long APP = 1_600_000_001L;
    private static final long OTHER_APP = 1_600_000_002L;

    @TempDir
    Path dir;
    NodeDatabases databases;
    TestClock clock = TestClock.atNow();

    WebhookSecrets open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        SqlApiKeys accounts = new SqlApiKeys(databases.node().jdbi(), List.of(), clock);
        accounts.addApp(APP, APP, "primary");
        accounts.addApp(OTHER_APP, OTHER_APP, "primary");
        return new SqlWebhookSecrets(databases.node().jdbi(), clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    static WebhookSecrets.Created remembered(WebhookSecrets.Created created) {
        TestSecrets.remember(created.secret().reveal());
        return created;
    }

    static List<String> revealed(List<Secret> secrets) {
        return secrets.stream().map(Secret::reveal).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewSecretSignsBesidesTheOthersNewestFirstAndIsListedWithoutItsValue(TestDatabase engine) {
        WebhookSecrets secrets = open(engine);
        WebhookSecrets.Created first = remembered(secrets.create(APP));
        clock.advance(Duration.ofSeconds(1));
        WebhookSecrets.Created second = remembered(secrets.create(APP));
        assertThat(first.secret().reveal()).startsWith("whsec_").isNotEqualTo(second.secret().reveal());
        assertThat(first.secretId()).startsWith("whk_");
        assertThat(revealed(secrets.signing(APP))).containsExactly(second.secret().reveal(), first.secret().reveal());
        List<WebhookSecret> listed = secrets.list(Optional.of(APP));
        assertThat(listed).extracting(WebhookSecret::secretId).containsExactly(first.secretId(), second.secretId());
        assertThat(listed).allSatisfy(s -> assertThat(s.state(clock.instant())).isEqualTo("ACTIVE"));
        assertThat(listed.toString()).doesNotContain(first.secret().reveal());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyAnExistingApplicationGetsSecrets(TestDatabase engine) {
        WebhookSecrets secrets = open(engine);
        assertThatThrownBy(() -> secrets.create(1_600_000_009L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secrets.rotate(1_600_000_009L, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> secrets.rotate(APP, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(secrets.signing(1_600_000_009L)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRotatedOutSecretSignsUntilTheOverlapEnds(TestDatabase engine) {
        WebhookSecrets secrets = open(engine);
        WebhookSecrets.Created old = remembered(secrets.create(APP));
        clock.advance(Duration.ofSeconds(1));
        WebhookSecrets.Created current = remembered(secrets.rotate(APP, Duration.ofMinutes(10)));
        assertThat(revealed(secrets.signing(APP))).containsExactlyInAnyOrder(old.secret().reveal(), current.secret().reveal());
        assertThat(secrets.list(Optional.of(APP)).getFirst().state(clock.instant())).isEqualTo("EXPIRING");
        clock.advance(Duration.ofMinutes(10));
        assertThat(revealed(secrets.signing(APP))).containsExactly(current.secret().reveal());
        assertThat(secrets.list(Optional.of(APP))).extracting(s -> s.state(clock.instant())).containsExactly("EXPIRED", "ACTIVE");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRevokedSecretStopsAtOnce(TestDatabase engine) {
        WebhookSecrets secrets = open(engine);
        WebhookSecrets.Created created = remembered(secrets.create(APP));
        assertThat(secrets.revoke(created.secretId())).isTrue();
        assertThat(secrets.revoke(created.secretId())).isFalse();
        assertThat(secrets.revoke("whk_unknown")).isFalse();
        assertThat(secrets.signing(APP)).isEmpty();
        assertThat(secrets.list(Optional.of(APP)).getFirst().state(clock.instant())).isEqualTo("REVOKED");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachApplicationIsSignedWithItsOwnSecretsOnOneNodeOrAnother(TestDatabase engine) {
        WebhookSecrets secrets = open(engine);
        WebhookSecrets other = new SqlWebhookSecrets(databases.anotherNode().jdbi(), clock);
        WebhookSecrets.Created mine = remembered(secrets.create(APP));
        WebhookSecrets.Created theirs = remembered(other.create(OTHER_APP));
        assertThat(revealed(other.signing(APP))).containsExactly(mine.secret().reveal());
        assertThat(revealed(secrets.signing(OTHER_APP))).containsExactly(theirs.secret().reveal());
        assertThat(secrets.list(Optional.of(OTHER_APP))).extracting(WebhookSecret::secretId).containsExactly(theirs.secretId());
        assertThat(other.list(Optional.empty())).hasSize(2);
    }
}
