package io.openvod.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL engine under a store, for the one thing the shared SQL cannot say the same way on both:
 * locking a row that is read to be changed. On SQLite every write transaction holds the database's
 * write lock from its first statement ({@code BEGIN IMMEDIATE}), so a plain read is already
 * exclusive; elsewhere (PostgreSQL) the read takes the row's lock with {@code FOR UPDATE}.
 */
enum Engine {
    SQLITE(""),
    OTHER(" FOR UPDATE");

    private final String lockSuffix;

    Engine(String lockSuffix) {
        this.lockSuffix = lockSuffix;
    }

    /** What ends a {@code SELECT} of rows to be changed in the same transaction. */
    String forUpdate() {
        return lockSuffix;
    }

    static Engine of(Jdbi jdbi) {
        return jdbi.withHandle(h -> {
            try {
                return of(h.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell the database's engine", e);
            }
        });
    }

    static Engine of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("sqlite") ? SQLITE : OTHER;
    }
}
