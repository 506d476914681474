package io.openvod.core.sql;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Transactions on a SQLite file queue in this JVM before they ask SQLite for its write lock. Every
 * explicit transaction there is a writer ({@code BEGIN IMMEDIATE}), and SQLite lets a writer that
 * finds the lock taken wait by polling: it sleeps 1, 2, 5, 10 … up to 100 ms between tries, so
 * under load a writer can sleep long after the lock came free while another barges in. Here the
 * threads of one process take turns on a fair lock first, each starting the moment the previous
 * one committed; SQLite's busy wait then only arbitrates between processes. A transaction opened
 * inside another on the same handle joins it and does not queue again.
 */
final class QueuedWriters implements TransactionHandler {
    /** The longest a transaction waits for its turn before it asks SQLite directly. */
    static final long MAX_WAIT_MS = 5_000;
    private final TransactionHandler delegate;
    private final ReentrantLock turn;
    private final long maxWaitMs;

    QueuedWriters(TransactionHandler delegate) {
        this(delegate, new ReentrantLock(true), MAX_WAIT_MS);
    }

    QueuedWriters(TransactionHandler delegate, ReentrantLock turn, long maxWaitMs) {
        this.delegate = delegate;
        this.turn = turn;
        this.maxWaitMs = maxWaitMs;
    }

    TransactionHandler delegate() {
        return delegate;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        if (delegate.isInTransaction(handle)) {
            return delegate.inTransaction(handle, callback);
        }
        boolean queued = queue();
        try {
            return delegate.inTransaction(handle, callback);
        } finally {
            if (queued) {
                turn.unlock();
            }
        }
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level, HandleCallback<R, X> callback)
            throws X {
        if (delegate.isInTransaction(handle)) {
            return delegate.inTransaction(handle, level, callback);
        }
        boolean queued = queue();
        try {
            return delegate.inTransaction(handle, level, callback);
        } finally {
            if (queued) {
                turn.unlock();
            }
        }
    }

    /**
     * Waits for this transaction's turn, at most {@code maxWaitMs} ({@link #MAX_WAIT_MS}): false when it did not come (or
     * the thread was interrupted), and the transaction then waits in SQLite's busy handler as it
     * would without the queue — so a holder of the turn that waits for a pooled connection held by
     * a queued thread delays it, never deadlocks it.
     */
    private boolean queue() {
        try {
            return turn.tryLock(maxWaitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public TransactionHandler specialize(Handle handle) throws SQLException {
        return new QueuedWriters(delegate.specialize(handle), turn, maxWaitMs);
    }

    @Override
    public void begin(Handle handle) {
        delegate.begin(handle);
    }

    @Override
    public void commit(Handle handle) {
        delegate.commit(handle);
    }

    @Override
    public void rollback(Handle handle) {
        delegate.rollback(handle);
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return delegate.isInTransaction(handle);
    }

    @Override
    public void savepoint(Handle handle, String name) {
        delegate.savepoint(handle, name);
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        delegate.rollbackToSavepoint(handle, name);
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        delegate.releaseSavepoint(handle, name);
    }
}
