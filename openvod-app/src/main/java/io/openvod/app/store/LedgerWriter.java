package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records signatures with group commit: callers queue their row and wait; one writer thread takes
 * whatever has queued (up to {@value #MAX_BATCH} rows) and checks and records it all in a single
 * transaction on its own connection ({@link LedgerConnection}), then answers every caller. The
 * quota decisions are made one row after another by that thread, so they are exact; a caller is
 * answered only after its row is committed, so nothing is acknowledged that a crash could lose.
 * One transaction per batch instead of per signature is what lets the ledger keep up with the HTTP
 * layer on SQLite, which has a single write lock.
 *
 * <p>A batch that fails is retried when the database aborted it to break a deadlock or to stay
 * serializable (SQLSTATE 40P01, 40001; {@link Transactions}); otherwise
 * each of its rows is retried alone, so one bad row fails only its own caller. Every queued row is
 * answered, also when the writer is closed.
 */
final class LedgerWriter implements AutoCloseable {
    static final int MAX_BATCH = 256;
    private static final int SERIALIZATION_RETRIES = 20;
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);

    private final Jdbi jdbi;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(16 * MAX_BATCH);
    private final Thread thread;
    private volatile boolean open = true;
    private LedgerConnection connection;

    LedgerWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.thread = Thread.ofPlatform().name("openvod-ledger-writer").daemon().start(this::run);
    }

    /** Queues a row, waits until it is committed or refused, and returns the decision. */
    Reservation submit(IssuedSignature signature, Quota quota, Instant windowStart) {
        try {
            return submitAsync(signature, quota, windowStart).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Queues a row; the future completes after its batch is committed (or fails with the reason). */
    CompletableFuture<Reservation> submitAsync(IssuedSignature signature, Quota quota, Instant windowStart) {
        Pending p = new Pending(new LedgerBatch.Entry(signature, quota, windowStart), new CompletableFuture<>());
        try {
            if (!open || !(queue.offer(p) || queue.offer(p, 30, TimeUnit.SECONDS))) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        open ? "the signature ledger is overloaded" : "the signature ledger is closed"));
            }
            return p.result();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new IllegalStateException("interrupted while recording a signature", e));
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                batch.forEach(p -> p.result().completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("the signature ledger is closed")));
        closeConnection();
    }

    private void write(List<Pending> batch) {
        List<LedgerBatch.Entry> entries = batch.stream().map(Pending::entry).toList();
        for (int attempt = 1; ; attempt++) {
            try {
                List<Reservation> results = connection().apply(entries);
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).result().complete(results.get(i));
                }
                return;
            } catch (SQLException | RuntimeException e) {
                if (Transactions.isSerializationFailure(e) && attempt < SERIALIZATION_RETRIES) {
                    continue;
                }
                closeConnection();
                if (batch.size() == 1) {
                    batch.getFirst().result().completeExceptionally(e instanceof RuntimeException r ? r : new IllegalStateException(e));
                    return;
                }
                LOG.warn("a ledger batch of {} failed ({}); recording its rows one by one", batch.size(), e.getClass().getSimpleName());
                for (Pending p : batch) {
                    write(List.of(p));
                }
                return;
            }
        }
    }

    private LedgerConnection connection() throws SQLException {
        if (connection == null) {
            connection = new LedgerConnection(jdbi);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the ledger connection failed", e);
            }
            connection = null;
        }
    }

    /** Stops taking rows; rows already queued are still recorded. */
    @Override
    public void close() {
        open = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Pending(LedgerBatch.Entry entry, CompletableFuture<Reservation> result) {
    }
}
