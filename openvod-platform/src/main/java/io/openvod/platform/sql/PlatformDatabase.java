package io.openvod.platform.sql;

import io.openvod.core.sql.SqlDatabase;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's database: a {@link SqlDatabase} whose schema Flyway migrates from
 * {@code classpath:db/platform}. SQLite by default ({@code jdbc:sqlite:.openvod/platform.db});
 * the SQL is the subset PostgreSQL also accepts.
 */
public final class PlatformDatabase implements AutoCloseable {
    /** Where the schema's migrations live. */
    public static final String MIGRATIONS = "classpath:db/platform";

    private final SqlDatabase database;

    private PlatformDatabase(SqlDatabase database) {
        this.database = database;
    }

    /** Opens (and migrates) the database at {@code jdbcUrl}. */
    public static PlatformDatabase open(String jdbcUrl) {
        return new PlatformDatabase(SqlDatabase.open("openvod-platform-db", MIGRATIONS, jdbcUrl, Optional.empty(), Optional.empty()));
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    public void close() {
        database.close();
    }
}
