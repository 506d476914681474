package io.openvod.platform.flow;

import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL engine under a {@link Jdbi}, for the few statements that differ: how a queue query
 * locks the row it picks. On PostgreSQL it locks the row and skips those other transactions hold
 * ({@code FOR UPDATE … SKIP LOCKED}), so nodes claiming at once take different rows without
 * waiting for each other; SQLite has no row locks: its transactions begin with the database's
 * write lock ({@code BEGIN IMMEDIATE}), so claims run one after the other.
 */
enum SqlDialect {
    SQLITE {
        @Override
        String lockSkippingLocked(String alias) {
            return "";
        }
    },
    POSTGRES {
        @Override
        String lockSkippingLocked(String alias) {
            return " FOR UPDATE OF " + alias + " SKIP LOCKED";
        }
    };

    /** The clause ending a query that locks the rows it returns of table {@code alias}, skipping locked ones. */
    abstract String lockSkippingLocked(String alias);

    /** The dialect of the database {@code jdbi} connects to. */
    static SqlDialect of(Jdbi jdbi) {
        String product = jdbi.withHandle(h -> {
            try {
                return h.getConnection().getMetaData().getDatabaseProductName();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database this is", e);
            }
        });
        return named(product);
    }

    /** The dialect of the JDBC {@code DatabaseMetaData.getDatabaseProductName()} {@code product}. */
    static SqlDialect named(String product) {
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "sqlite" -> SQLITE;
            case "postgresql" -> POSTGRES;
            default -> throw new IllegalArgumentException("the task queue runs on SQLite or PostgreSQL, not on " + product);
        };
    }
}
