package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.SignatureLedger;
import io.openvod.app.ledger.Usage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link SignatureLedger} over the {@code issued_signatures} table, in SQL that SQLite and
 * PostgreSQL both accept. The table holds every signed parameter except the secret key, and never
 * the signature.
 *
 * <h2>How the quota check stays atomic</h2>
 * {@link #recordWithinQuota} reads the user's usage and inserts the row in one
 * {@code SERIALIZABLE} transaction:
 * <ul>
 *   <li>On SQLite, {@link AppDatabase} opens connections whose transactions begin with
 *       {@code BEGIN IMMEDIATE}: the transaction takes the database's write lock before it reads,
 *       so quota transactions run one after another (a waiting one blocks for up to the 5 s
 *       {@code busy_timeout}). Under WAL, readers are not blocked meanwhile.</li>
 *   <li>On PostgreSQL, serializable snapshot isolation aborts one of two transactions that both
 *       counted the same rows and then inserted; the aborted one (SQLSTATE 40001) is run again,
 *       now seeing the other's row, up to {@value Transactions#MAX_ATTEMPTS} times.</li>
 * </ul>
 * Either way two callers can never both pass a limit that only one of them fits under.
 *
 * <p>Usage is the number of rows and the sum of declared {@code file_size} (absent counts as 0)
 * with {@code issued_at >= windowStart}. The bytes check is written so that it cannot overflow:
 * with {@link Quota#UNLIMITED} a signature is still refused if the window's byte total would pass
 * {@link Long#MAX_VALUE}. Times are kept to the millisecond.
 */
public final class SqlSignatureLedger implements SignatureLedger {
    private static final String COLUMNS = "request_id, user_id, secret_id, issued_at, expires_at, random, procedure,"
            + " class_id, one_time_valid, source_context, session_context, file_name, file_size, client_ip";

    private final Jdbi jdbi;

    public SqlSignatureLedger(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
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
        return Transactions.serializable(jdbi, h -> {
            Usage usage = usageSince(h, signature.userId(), windowStart);
            if (usage.uploads() >= quota.uploadsPerDay()) {
                return new Reservation.UploadsExceeded(usage, quota.uploadsPerDay());
            }
            // usage.bytes() >= 0 and bytesPerDay >= 0, so the subtraction cannot overflow.
            if (size > quota.bytesPerDay() - usage.bytes()) {
                return new Reservation.BytesExceeded(usage, quota.bytesPerDay());
            }
            insert(h, signature);
            return new Reservation.Recorded(new Usage(usage.uploads() + 1, usage.bytes() + size));
        });
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
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM issued_signatures WHERE user_id = :userId"
                        + " ORDER BY issued_at DESC, request_id DESC LIMIT :limit")
                .bind("userId", userId)
                .bind("limit", limit)
                .map(SqlSignatureLedger::signature)
                .list());
    }

    private static Usage usageSince(Handle h, String userId, Instant windowStart) {
        return h.createQuery("SELECT COUNT(*) AS uploads, COALESCE(SUM(COALESCE(file_size, 0)), 0) AS bytes"
                        + " FROM issued_signatures WHERE user_id = :userId AND issued_at >= :windowStart")
                .bind("userId", userId)
                .bind("windowStart", windowStart.toEpochMilli())
                .map((rs, ctx) -> new Usage(rs.getLong("uploads"), rs.getLong("bytes")))
                .one();
    }

    private static void insert(Handle h, IssuedSignature s) {
        h.createUpdate("INSERT INTO issued_signatures (" + COLUMNS + ") VALUES (:requestId, :userId, :secretId,"
                        + " :issuedAt, :expiresAt, :random, :procedure, :classId, :oneTimeValid, :sourceContext,"
                        + " :sessionContext, :fileName, :fileSize, :clientIp)")
                .bind("requestId", s.requestId())
                .bind("userId", s.userId())
                .bind("secretId", s.secretId())
                .bind("issuedAt", s.issuedAt().toEpochMilli())
                .bind("expiresAt", s.expiresAt().toEpochMilli())
                .bind("random", s.random())
                .bind("procedure", s.procedure().orElse(null))
                .bind("classId", s.classId().orElse(null))
                .bind("oneTimeValid", Rows.bool(s.oneTimeValid()))
                .bind("sourceContext", s.sourceContext())
                .bind("sessionContext", s.sessionContext().orElse(null))
                .bind("fileName", s.fileName().orElse(null))
                .bind("fileSize", s.fileSize().orElse(null))
                .bind("clientIp", s.clientIp())
                .execute();
    }

    private static IssuedSignature signature(ResultSet rs, StatementContext ctx) throws SQLException {
        return new IssuedSignature(rs.getString("request_id"), rs.getString("user_id"), rs.getString("secret_id"),
                Rows.instant(rs, "issued_at"), Rows.instant(rs, "expires_at"), rs.getLong("random"),
                Rows.optionalString(rs, "procedure"), Rows.optionalLong(rs, "class_id"), Rows.bool(rs, "one_time_valid"),
                rs.getString("source_context"), Rows.optionalString(rs, "session_context"),
                Rows.optionalString(rs, "file_name"), Rows.optionalLong(rs, "file_size"), rs.getString("client_ip"));
    }
}
