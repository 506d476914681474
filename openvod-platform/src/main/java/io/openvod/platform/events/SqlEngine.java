package io.openvod.platform.events;

import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/** Which database engine a {@link Jdbi} talks to, for the few statements that differ. */
final class SqlEngine {
    private SqlEngine() {
    }

    /**
     * True for PostgreSQL, whose claims lock rows with {@code FOR UPDATE SKIP LOCKED} (SQLite has
     * one writer at a time and no row locks).
     */
    static boolean isPostgres(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName()).equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the database engine", e);
        }
    }
}
