package io.openvod.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.sql.PlatformDatabase;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The platform's own count of NewFileUpload events and push deliveries, read the same way from SQLite and PostgreSQL. */
class DeliveriesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void countsNewFileUploadEventsAndPushDeliveriesByState(TestDatabase engine) throws Exception {
        String url = engine.newUrl(dir);
        PlatformDatabase.open(url).close();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            event(s, "e1", "NewFileUpload", "PUSH", "DELIVERED", 1);
            event(s, "e2", "NewFileUpload", "PUSH", "DELIVERED", 3);
            event(s, "e3", "NewFileUpload", "PUSH", "PENDING", 0);
            event(s, "e4", "ProcedureStateChanged", "PUSH", "DELIVERED", 1);
            event(s, "e5", "NewFileUpload", "NONE", "DELIVERED", 0);
        }
        RunResult.Deliveries d = ClusterThroughput.deliveries(url);
        assertThat(d.outbox()).isEqualTo(4);
        assertThat(d.delivered()).isEqualTo(3);
        assertThat(d.other()).isEqualTo(1);
        assertThat(d.attempts()).isEqualTo(5);
        assertThat(d.retries()).isEqualTo(2);
    }

    private static void event(Statement s, String id, String type, String channel, String state, int attempts) throws Exception {
        s.execute("INSERT INTO event_outbox (event_id, app_id, sub_app_id, file_id, seq, event_type, body, created_at) VALUES ('"
                + id + "', 1, 1, 'file-" + id + "', 1, '" + type + "', '{}', 0)");
        s.execute("INSERT INTO event_deliveries (event_id, sub_app_id, channel, state, target_url, attempts, next_attempt_at, created_at) "
                + "VALUES ('" + id + "', 1, '" + channel + "', '" + state + "', 'http://127.0.0.1:1/events', " + attempts + ", 0, 0)");
    }
}
