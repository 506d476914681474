package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.ledger.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link SignatureLedger} over the {@code issued_signatures} and {@code quota_usage} tables, in
 * SQL that SQLite and PostgreSQL both accept. The ledger holds every signed parameter except the
 * secret key, and never the signature.
 *
 * <h2>How the quota check stays atomic, and fast</h2>
 * {@link #recordWithinQuota} hands the row to a {@link LedgerWriter}: one thread checks each row
 * against its user's counter for the window ({@code quota_usage}, keyed by user and window start)
 * and inserts it, many rows per transaction (group commit), and answers each caller after the
 * commit. The check reads one counter row, whatever the user's history. Several writers — of
 * several processes on a SQLite file, of several app nodes on PostgreSQL — decide one after
 * another: on SQLite a batch holds the write lock from its start ({@code BEGIN IMMEDIATE}); on
 * PostgreSQL it locks the counter rows it reads ({@code SELECT … FOR UPDATE}), see
 * {@link LedgerConnection}. So a quota is never exceeded and a request id is recorded once, however
 * many nodes record at once.
 *
 * <p>A quota window is identified by its start ({@code windowStart}); the service uses UTC days.
 * The bytes check is written so that it cannot overflow: with {@link Quota#UNLIMITED} a signature
 * is still refused if the window's byte total would pass {@link Long#MAX_VALUE}. Times are kept to
 * the millisecond. {@link #usageSince} sums the rows themselves, for reports.
 */
public final class SqlSignatureLedger implements SignatureLedger, AutoCloseable {
    private final Jdbi jdbi;
    private final LedgerWriter writer;

    public SqlSignatureLedger(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
        this.writer = new LedgerWriter(jdbi);
    }

    @Override
    public Reservation recordWithinQuota(IssuedSignature signature, Quota quota, Instant windowStart) {
        Objects.requireNonNull(signature, "signature == null");
        Objects.requireNonNull(quota, "quota == null");
        Objects.requireNonNull(windowStart, "windowStart == null");
        long size = signature.fileSize().orElse(0L);
        if (size < 0) {
            throw new IllegalArgumentException("fileSize must be >= 0, not " + size);
        }
        return writer.submit(signature, quota, windowStart);
    }

    @Override
    public CompletableFuture<Reservation> recordWithinQuotaAsync(IssuedSignature signature, Quota quota, Instant windowStart) {
        Objects.requireNonNull(signature, "signature == null");
        Objects.requireNonNull(quota, "quota == null");
        Objects.requireNonNull(windowStart, "windowStart == null");
        try {
            return writer.submitAsync(signature, quota, windowStart);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Usage usageSince(String userId, Instant windowStart) {
        return jdbi.withHandle(h -> usageSince(h, userId, windowStart));
    }

    @Override
    public List<IssuedSignature> recent(String userId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, not " + limit);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SignatureRows.COLUMNS + " FROM issued_signatures WHERE user_id = :userId"
                        + " ORDER BY issued_at DESC, request_id DESC LIMIT :limit")
                .bind("userId", userId)
                .bind("limit", limit)
                .map(SignatureRows::signature)
                .list());
    }

    @Override
    public Optional<IssuedSignature> ofTrace(String traceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + SignatureRows.COLUMNS + " FROM issued_signatures WHERE trace_id = :traceId"
                        + " ORDER BY issued_at LIMIT 1")
                .bind("traceId", traceId)
                .map(SignatureRows::signature)
                .findOne());
    }

    private static Usage usageSince(Handle h, String userId, Instant windowStart) {
        return h.createQuery("SELECT COUNT(*) AS uploads, COALESCE(SUM(COALESCE(file_size, 0)), 0) AS bytes"
                        + " FROM issued_signatures WHERE user_id = :userId AND issued_at >= :windowStart")
                .bind("userId", userId)
                .bind("windowStart", windowStart.toEpochMilli())
                .map((rs, ctx) -> new Usage(rs.getLong("uploads"), rs.getLong("bytes")))
                .one();
    }

    /** Stops the writer after recording what is queued. */
    @Override
    public void close() {
        writer.close();
    }
}
