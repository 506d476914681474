package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteAppDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void createsMissingDirectoriesAndMigrates() {
        Path file = dir.resolve("a/b/app.db");
        try (AppDatabase db = AppDatabase.openSqlite(file)) {
            assertThat(db.isSqlite()).isTrue();
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:sqlite:" + file.toAbsolutePath());
            assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
        }
        assertThat(Files.isRegularFile(file)).isTrue();
    }

    @Test
    void reopeningKeepsDataAndAppliesNothingTwice() {
        Path file = dir.resolve("app.db");
        try (AppDatabase db = AppDatabase.openSqlite(file)) {
            new SqlAccountStore(db.jdbi()).setRole("alice", "admin", AccountStoreContract.NOW);
        }
        try (AppDatabase db = AppDatabase.open(AppDatabase.sqliteUrl(file))) {
            assertThat(appliedVersions(db)).containsExactly("1", "2", "3", "4", "5", "6");
            assertThat(new SqlAccountStore(db.jdbi()).find("alice")).isPresent();
        }
    }

    @Test
    void connectionsUseWalABusyTimeoutAndForeignKeys() {
        try (AppDatabase db = AppDatabase.openSqlite(dir.resolve("app.db"))) {
            Map<String, Object> pragmas = db.jdbi().withHandle(h -> Map.of(
                    "journal_mode", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                    "busy_timeout", h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one(),
                    "foreign_keys", h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()));

            assertThat(pragmas).containsEntry("journal_mode", "wal").containsEntry("busy_timeout", 5000)
                    .containsEntry("foreign_keys", 1);
        }
    }

    @Test
    void theSchemaHasNoColumnForSecretsOrSignatures() throws SQLException {
        try (AppDatabase db = AppDatabase.openSqlite(dir.resolve("app.db"));
             Connection c = db.dataSource().getConnection()) {
            List<String> columns = new ArrayList<>();
            DatabaseMetaData meta = c.getMetaData();
            for (String table : List.of("accounts", "tokens", "issued_signatures")) {
                try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
                    while (rs.next()) {
                        columns.add(table + "." + rs.getString("COLUMN_NAME"));
                    }
                }
            }

            assertThat(columns).hasSize(5 + 6 + 15).contains("accounts.password_hash", "tokens.token_hash", "issued_signatures.trace_id");
            assertThat(columns).noneMatch(col -> col.matches(".*\\.(.*key.*|.*signature.*|password|token|sign)"));
        }
    }

    @Test
    void inMemoryDatabasesLiveAsLongAsThePool() {
        try (AppDatabase db = AppDatabase.open("jdbc:sqlite::memory:")) {
            new SqlAccountStore(db.jdbi()).setBanned("alice", true, AccountStoreContract.NOW);
            assertThat(new SqlAccountStore(db.jdbi()).list()).hasSize(1);
        }
    }

    @Test
    void urlsNameTheirFiles() {
        assertThat(AppDatabase.sqliteFile("jdbc:sqlite:/var/lib/openvod/app.db")).contains(Path.of("/var/lib/openvod/app.db"));
        assertThat(AppDatabase.sqliteFile("jdbc:sqlite:file:data/app.db?cache=shared")).contains(Path.of("data/app.db"));
        assertThat(AppDatabase.sqliteFile("jdbc:sqlite::memory:")).isEqualTo(Optional.empty());
        assertThat(AppDatabase.sqliteFile("jdbc:sqlite:")).isEmpty();
        assertThat(AppDatabase.sqliteFile("jdbc:sqlite:file:x?mode=memory&cache=shared")).isEmpty();
    }

    private static List<String> appliedVersions(AppDatabase db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
    }
}
