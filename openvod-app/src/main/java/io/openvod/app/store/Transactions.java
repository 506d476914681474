package io.openvod.app.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Transactions (at the database's default isolation: READ COMMITTED on PostgreSQL) that are run
 * again when the database aborted one to break a deadlock (SQLSTATE 40P01) or to keep it
 * serializable (40001). The stores lock the rows they change in a fixed order, so this is a safety
 * net, not the way they stay correct. SQLite never aborts them: its write transactions run one at
 * a time.
 */
final class Transactions {
    static final int MAX_ATTEMPTS = 20;

    private Transactions() {
    }

    /** {@code work} in a transaction; an exception it throws rolls back and is thrown on as it is. */
    static <T> T retrying(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
            } catch (JdbiException e) {
                if (attempt >= MAX_ATTEMPTS || !isSerializationFailure(e)) {
                    throw e;
                }
                long maxPauseNanos = 1_000_000L * Math.min(attempt, 10);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxPauseNanos));
            }
        }
    }

    static boolean isSerializationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
