package io.openvod.core.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.core.Secret;
import io.openvod.core.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A service's SQL database: a HikariCP pool, the schema migrated by Flyway from one classpath
 * location, and a {@link Jdbi} over it. Opening runs pending migrations; {@link #close()} closes
 * the pool.
 *
 * <p>A SQLite file is the default. Missing parent directories are created owner-only (0700) and the
 * database file is created owner-only (0600) before SQLite opens it, so that SQLite creates its
 * {@code -wal}, {@code -shm} and {@code -journal} files with the same permissions; an existing
 * database file and those companions are made owner-only when opened ({@link OwnerOnly}). Every SQLite
 * connection uses WAL journaling, {@code synchronous=NORMAL}, a 5 s {@code busy_timeout}, enforced
 * foreign keys and {@code BEGIN IMMEDIATE} for explicit transactions, so a transaction holds the
 * database's write lock from its first statement and writers queue instead of failing — within one
 * process on a fair lock ({@link QueuedWriters}), so none sleeps in SQLite's busy wait. The pool
 * has {@value #SQLITE_POOL_SIZE} connections for a file (readers run concurrently under WAL) and
 * one for an in-memory database, which lives as long as that connection; other databases' pools
 * have {@value #OTHER_POOL_SIZE}. A caller may choose the size ({@link #open(String, String, String,
 * Optional, Optional, int)}), except for an in-memory SQLite database. Any other URL is handed
 * to its JDBC driver; PostgreSQL needs {@code org.postgresql:postgresql} and Flyway's
 * {@code org.flywaydb:flyway-database-postgresql} on the class path (Flyway's core module knows
 * SQLite only).
 */
public final class SqlDatabase implements AutoCloseable {
    static final int SQLITE_POOL_SIZE = 4;
    private static final int OTHER_POOL_SIZE = 10;
    private static final int SQLITE_BUSY_TIMEOUT_MS = 5_000;
    private static final String SQLITE_PREFIX = "jdbc:sqlite:";

    private final String jdbcUrl;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private SqlDatabase(String jdbcUrl, HikariDataSource dataSource) {
        this.jdbcUrl = jdbcUrl;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        if (sqliteFile(jdbcUrl).isPresent()) {
            jdbi.setTransactionHandler(new QueuedWriters(jdbi.getTransactionHandler()));
        }
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}.
     *
     * @param poolName the connection pool's name, as it appears in thread names and metrics
     * @param migrations Flyway location of the schema, e.g. {@code classpath:db/app}
     */
    public static SqlDatabase open(String poolName, String migrations, String jdbcUrl,
                                   Optional<String> username, Optional<Secret> password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        return open(poolName, migrations, jdbcUrl, username, password, defaultPoolSize(jdbcUrl));
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl} with a pool of at most {@code poolSize}
     * connections (an in-memory SQLite database keeps its one connection whatever the size).
     *
     * @param poolName the connection pool's name, as it appears in thread names and metrics
     * @param migrations Flyway location of the schema, e.g. {@code classpath:db/app}
     * @throws IllegalArgumentException when {@code poolSize} is below 1
     */
    public static SqlDatabase open(String poolName, String migrations, String jdbcUrl,
                                   Optional<String> username, Optional<Secret> password, int poolSize) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
        Objects.requireNonNull(username, "username == null");
        Objects.requireNonNull(password, "password == null");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be >= 1, not " + poolSize);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        if (isSqlite(jdbcUrl)) {
            configureSqlite(config, jdbcUrl, poolSize);
        } else {
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(poolSize);
        }
        username.ifPresent(config::setUsername);
        password.ifPresent(p -> config.setPassword(p.reveal()));
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource, migrations);
            return new SqlDatabase(jdbcUrl, dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /** The pool size {@link #open(String, String, String, Optional, Optional)} gives a database at {@code jdbcUrl}. */
    public static int defaultPoolSize(String jdbcUrl) {
        return isSqlite(jdbcUrl) ? SQLITE_POOL_SIZE : OTHER_POOL_SIZE;
    }

    /** The JDBC URL of a SQLite database file. */
    public static String sqliteUrl(Path file) {
        return SQLITE_PREFIX + file.toAbsolutePath().normalize();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The pooled data source, for health checks and tools. */
    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * Publishes the pool's metrics ({@code hikaricp_connections_active}, {@code _idle}, {@code _pending},
     * {@code hikaricp_connections_acquire_seconds} …, tagged with the pool's name) to {@code registry}.
     * Once per database: a second call throws {@link IllegalStateException}.
     */
    public void bindMetrics(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry == null");
        dataSource.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    public boolean isSqlite() {
        return isSqlite(jdbcUrl);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static boolean isSqlite(String jdbcUrl) {
        return jdbcUrl.startsWith(SQLITE_PREFIX);
    }

    private static void configureSqlite(HikariConfig config, String jdbcUrl, int poolSize) {
        Optional<Path> file = sqliteFile(jdbcUrl);
        file.ifPresent(SqlDatabase::createOwnerOnly);
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        sqlite.enforceForeignKeys(true);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqliteDataSource = new SQLiteDataSource(sqlite);
        sqliteDataSource.setUrl(jdbcUrl);
        config.setDataSource(sqliteDataSource);
        if (file.isPresent()) {
            config.setMaximumPoolSize(poolSize);
        } else {
            // Each connection to ":memory:" is a database of its own: keep exactly one, forever.
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        }
    }

    /** The file a SQLite URL names, or empty for an in-memory or temporary database. */
    public static Optional<Path> sqliteFile(String jdbcUrl) {
        if (!isSqlite(jdbcUrl)) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(SQLITE_PREFIX.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        }
        if (name.isEmpty() || name.contains(":memory:") || params.contains("mode=memory")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(name));
    }

    /** The database file and its folder, owner-only; SQLite's companion files, when present, too. */
    private static void createOwnerOnly(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            OwnerOnly.createDirectories(absolute.getParent());
            OwnerOnly.createFile(absolute);
            for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
                Path companion = absolute.resolveSibling(absolute.getFileName() + suffix);
                if (Files.exists(companion, LinkOption.NOFOLLOW_LINKS)) {
                    OwnerOnly.restrict(companion);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database file " + absolute, e);
        }
    }

    private static void migrate(DataSource dataSource, String migrations) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(migrations)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
