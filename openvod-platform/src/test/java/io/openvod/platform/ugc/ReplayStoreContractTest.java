package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.testing.NodeDatabases;
import io.openvod.signature.ReplayStore;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link ReplayStore} contract of the platform database, on SQLite and PostgreSQL, one node or two. */
class ReplayStoreContractTest {
    @TempDir
    Path dir;
    NodeDatabases databases;
    Instant now = Instant.now();

    SqlReplayStore open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        return new SqlReplayStore(databases.node().jdbi());
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aOneTimeSignatureIsAcceptedOnceAndForgottenAfterItExpires(TestDatabase engine) {
        SqlReplayStore store = open(engine);
        Instant expiry = now.plus(Duration.ofMinutes(5));
        assertThat(store.markFirstUse("use-1", expiry)).isTrue();
        assertThat(store.markFirstUse("use-1", expiry)).isFalse();
        assertThat(store.markFirstUse("use-2", expiry)).isTrue();
        assertThat(store.purge(expiry)).isZero();
        assertThat(store.markFirstUse("use-1", expiry)).isFalse();
        assertThat(store.purge(expiry.plusMillis(1))).isEqualTo(2);
        assertThat(store.markFirstUse("use-1", expiry.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSignatureUsedThroughTwoNodesAtOnceIsAcceptedExactlyOnce(TestDatabase engine) throws Exception {
        List<ReplayStore> nodes = List.of(open(engine), new SqlReplayStore(databases.anotherNode().jdbi()));
        for (int round = 0; round < 10; round++) {
            String useKey = "race-" + round;
            List<Callable<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ReplayStore node = nodes.get(i % 2);
                uses.add(() -> node.markFirstUse(useKey, now.plus(Duration.ofMinutes(5))));
            }
            assertThat(NodeDatabases.race(uses)).as(useKey).containsOnlyOnce(true);
        }
    }
}
