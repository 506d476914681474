package io.openvod.platform.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.core.Secret;
import io.openvod.core.sql.SqlDatabase;
import java.util.Optional;
import javax.sql.DataSource;
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

    /**
     * Opens (and migrates) the database at {@code jdbcUrl} with the given credentials and a pool of at most
     * {@code poolSize} connections; 0 takes the engine's default.
     */
    public static PlatformDatabase open(String jdbcUrl, Optional<String> username, Optional<Secret> password, int poolSize) {
        int size = poolSize == 0 ? SqlDatabase.defaultPoolSize(jdbcUrl) : poolSize;
        return new PlatformDatabase(SqlDatabase.open("openvod-platform-db", MIGRATIONS, jdbcUrl, username, password, size));
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

    /** Publishes the connection pool's metrics to {@code registry} (once; see {@link SqlDatabase#bindMetrics}). */
    public void bindMetrics(MeterRegistry registry) {
        database.bindMetrics(registry);
    }

    @Override
    public void close() {
        database.close();
    }
}
