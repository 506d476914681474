package io.openvod.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.TimeOrderedIds;
import io.openvod.platform.testing.EventStores;
import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events written in a caller's transaction ({@link SqlMediaCatalog#appendEvent}), as the task-flow engine writes them. */
class SqlMediaCatalogTest {
    @TempDir
    Path dir;

    static OutboxEvent event(String fileId) {
        return new OutboxEvent(TimeOrderedIds.next(), 1, 601, fileId, "ProcedureStateChanged", "{}");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEventAndItsDeliveryCommitAndRollBackWithTheCallersTransaction(TestDatabase engine) {
        try (NodeDatabases databases = NodeDatabases.open(engine, dir)) {
            EventStores stores = new EventStores(databases.node(), TestClock.atNow(), EventStores.pullAll());
            OutboxEvent kept = event("file-kept");
            databases.node().jdbi().useTransaction(h -> stores.catalog.appendEvent(h, kept));
            OutboxEvent dropped = event("file-dropped");
            assertThatThrownBy(() -> databases.node().jdbi().useTransaction(h -> {
                stores.catalog.appendEvent(h, dropped);
                throw new IllegalStateException("the change the event reports failed");
            })).hasMessageContaining("failed");
            assertThat(stores.catalog.events("file-kept")).extracting(StoredEvent::event).containsExactly(kept);
            assertThat(stores.deliveries.find(kept.eventId())).isPresent();
            assertThat(stores.catalog.events("file-dropped")).isEmpty();
            assertThat(stores.deliveries.find(dropped.eventId())).isEmpty();
            assertThat(stores.deliveries.list(Optional.empty(), Optional.empty(), 10)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aHandleTheCatalogsJdbiDoesNotHoldIsRefused(TestDatabase engine) {
        try (NodeDatabases databases = NodeDatabases.open(engine, dir)) {
            EventStores stores = new EventStores(databases.node(), TestClock.atNow(), EventStores.pullAll());
            try (Handle detached = databases.node().jdbi().open()) {
                detached.begin();
                assertThatThrownBy(() -> stores.catalog.appendEvent(detached, event("file-detached")))
                        .isInstanceOf(IllegalStateException.class);
                detached.rollback();
            }
            assertThat(stores.catalog.events("file-detached")).isEmpty();
        }
    }
}
