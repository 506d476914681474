package io.openvod.app.store;

import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.core.Secret;
import io.openvod.core.sql.SqlDatabase;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The app backend's database: a {@link SqlDatabase} whose schema Flyway migrates from
 * {@code classpath:db/app}. The default is a SQLite file ({@code jdbc:sqlite:.openvod/app.db});
 * see {@link SqlDatabase} for how connections are configured and {@link SqlSignatureLedger} for
 * how writers share the SQLite write lock.
 */
public final class AppDatabase implements AutoCloseable {
    /** Where the schema's migrations live. */
    public static final String MIGRATIONS = "classpath:db/app";

    private final SqlDatabase database;

    private AppDatabase(SqlDatabase database) {
        this.database = database;
    }

    /** Opens (and migrates) the database at {@code jdbcUrl} without credentials, as SQLite needs. */
    public static AppDatabase open(String jdbcUrl) {
        return open(jdbcUrl, Optional.empty(), Optional.empty());
    }

    /** Opens (and migrates) the database at {@code jdbcUrl} with the given credentials. */
    public static AppDatabase open(String jdbcUrl, Optional<String> username, Optional<Secret> password) {
        return open(jdbcUrl, username, password, 0);
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl} with a pool of at most {@code poolSize}
     * connections ({@code app.database.poolSize}); 0 gives the engine's default (4 for a SQLite
     * file, 10 for PostgreSQL). The signature ledger keeps one of them for its writer.
     *
     * @throws IllegalArgumentException when {@code poolSize} is negative
     */
    public static AppDatabase open(String jdbcUrl, Optional<String> username, Optional<Secret> password, int poolSize) {
        if (poolSize < 0) {
            throw new IllegalArgumentException("poolSize must be >= 0, not " + poolSize);
        }
        int size = poolSize == 0 ? SqlDatabase.defaultPoolSize(jdbcUrl) : poolSize;
        return new AppDatabase(SqlDatabase.open("openvod-app-db", MIGRATIONS, jdbcUrl, username, password, size));
    }

    /** Opens (and migrates) a SQLite database file, creating it and its directories as needed. */
    public static AppDatabase openSqlite(Path file) {
        return open(sqliteUrl(file));
    }

    /** The JDBC URL of a SQLite database file. */
    public static String sqliteUrl(Path file) {
        return SqlDatabase.sqliteUrl(file);
    }

    /** The file a SQLite URL names, or empty for an in-memory or temporary database. */
    static Optional<Path> sqliteFile(String jdbcUrl) {
        return SqlDatabase.sqliteFile(jdbcUrl);
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    /** The pooled data source, for health checks and tools. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    public String jdbcUrl() {
        return database.jdbcUrl();
    }

    public boolean isSqlite() {
        return database.isSqlite();
    }

    /** Publishes the connection pool's metrics to {@code registry} (once; see {@link SqlDatabase#bindMetrics}). */
    public void bindMetrics(MeterRegistry registry) {
        database.bindMetrics(registry);
    }

    @Override
    public void close() {
        database.close();
    }
}
