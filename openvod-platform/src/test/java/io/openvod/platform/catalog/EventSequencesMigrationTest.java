package io.openvod.platform.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.platform.testing.EventStores;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Migration V13 on a database that already holds events: each FileId's next event continues its sequence. */
class EventSequencesMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theNextEventOfAFileFollowsTheEventsWrittenBeforeTheMigration(TestDatabase engine) throws Exception {
        String url = engine.newUrl(dir);
        Flyway.configure().dataSource(url, null, null).locations(PlatformDatabase.MIGRATIONS).target("10").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (int seq = 1; seq <= 3; seq++) {
                s.execute("INSERT INTO event_outbox (event_id, app_id, sub_app_id, file_id, seq, event_type, body, created_at) "
                        + "VALUES ('old-" + seq + "', 1, 1, 'file-old', " + seq + ", 'NewFileUpload', '{}', 1)");
            }
        }
        try (PlatformDatabase database = PlatformDatabase.open(url)) {
            EventStores stores = new EventStores(database, TestClock.atNow(), EventStores.pullAll());
            stores.event(1, "file-old");
            stores.event(1, "file-new");
            assertThat(stores.catalog.events("file-old")).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L);
            assertThat(stores.catalog.events("file-new")).extracting(StoredEvent::seq).containsExactly(1L);
        }
    }
}
