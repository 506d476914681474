package io.openvod.app.store;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Serializable transactions that are retried when the database aborts one to keep them
 * serializable (PostgreSQL's SQLSTATE 40001, or a deadlock, 40P01). SQLite never aborts them:
 * its transactions run one writer at a time.
 */
final class Transactions {
    static final int MAX_ATTEMPTS = 20;

    private Transactions() {
    }

    static <T> T serializable(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, work);
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
