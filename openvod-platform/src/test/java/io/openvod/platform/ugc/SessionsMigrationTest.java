package io.openvod.platform.ugc;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.sql.SqlDatabase;
import io.openvod.platform.sql.PlatformDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration V8 on a database that already holds uploads: sessions, their credentials and
 * multipart uploads survive the rebuild of the sessions table, credentials still go with their
 * session, and two sessions may now share a FileId.
 */
class SessionsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void existingSessionsAndCredentialsSurviveAndFileIdsMayRepeat() throws Exception {
        String url = SqlDatabase.sqliteUrl(dir.resolve("platform.db"));
        Flyway.configure().dataSource(url, null, null).locations(PlatformDatabase.MIGRATIONS).target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(insertSession("h1", "5000000000000000001"));
            s.execute("INSERT INTO temp_credentials (secret_id, secret_key, token, session_hash, created_at, expires_at) "
                    + "VALUES ('AKIDTMP1', 'key', 'token', 'h1', 1, 2)");
            s.execute("INSERT INTO multipart_uploads (upload_id, bucket, object_key, content_type, initiated_at) "
                    + "VALUES ('u1', 'b', 'k', '', 1)");
        }

        try (PlatformDatabase database = PlatformDatabase.open(url)) {
            var jdbi = database.jdbi();
            assertThat(text(jdbi, "SELECT file_id FROM upload_sessions WHERE session_hash = 'h1'")).isEqualTo("5000000000000000001");
            assertThat(text(jdbi, "SELECT session_hash FROM temp_credentials WHERE secret_id = 'AKIDTMP1'")).isEqualTo("h1");
            assertThat(text(jdbi, "SELECT COUNT(*) FROM multipart_uploads WHERE completed_etag IS NULL")).isEqualTo("1");

            jdbi.useHandle(h -> h.execute(insertSession("h2", "5000000000000000001")));
            assertThat(text(jdbi, "SELECT COUNT(*) FROM upload_sessions WHERE file_id = '5000000000000000001'"))
                    .as("a second session for the same FileId").isEqualTo("2");

            jdbi.useHandle(h -> h.execute("DELETE FROM upload_sessions WHERE session_hash = 'h1'"));
            assertThat(text(jdbi, "SELECT COUNT(*) FROM temp_credentials")).as("credentials still go with their session").isEqualTo("0");
        }
    }

    private static String text(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    private static String insertSession(String hash, String fileId) {
        return "INSERT INTO upload_sessions (session_hash, file_id, app_id, sub_app_id, secret_id, bucket, region, class_id, "
                + "task_priority, source_context, session_context, state, created_at, expires_at) VALUES ('" + hash + "', '"
                + fileId + "', 1, 1, 'AKID', 'b', 'r', 0, 0, '', '', 'APPLIED', 1, 2)";
    }
}
