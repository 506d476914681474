package io.openvod.core.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The database answers {@code SELECT 1} on a pooled connection (SQLite and PostgreSQL alike). The
 * query has a time limit; waiting for a connection is bounded by {@link Readiness}.
 */
public final class DatabaseCheck implements HealthCheck {
    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    public DatabaseCheck(DataSource dataSource, Duration queryTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
        this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health check() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            statement.execute("SELECT 1");
            return Health.up();
        } catch (SQLException e) {
            return Health.down(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
