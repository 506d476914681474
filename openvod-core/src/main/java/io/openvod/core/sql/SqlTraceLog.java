package io.openvod.core.sql;

import io.openvod.core.trace.StoredSpan;
import io.openvod.core.trace.TraceLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link TraceLog} over a service's {@code trace_spans} table (the platform's {@code V16__traces.sql},
 * the app's {@code V5__traces.sql}), in SQL that SQLite and PostgreSQL both accept. Times are
 * stored as epoch microseconds; a batch is written in one transaction with
 * {@code ON CONFLICT (span_id) DO NOTHING}, so nodes writing the same span never fail.
 */
public final class SqlTraceLog implements TraceLog {
    private static final String COLUMNS = "span_id, trace_id, parent_span_id, service, name, file_id, started_at, ended_at, "
            + "status, detail";

    private final Jdbi jdbi;

    public SqlTraceLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
    }

    @Override
    public void record(List<StoredSpan> spans) {
        if (spans.isEmpty()) {
            return;
        }
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO trace_spans (" + COLUMNS + ") VALUES (:spanId, :traceId, :parent, "
                    + ":service, :name, :fileId, :startedAt, :endedAt, :status, :detail) ON CONFLICT (span_id) DO NOTHING");
            for (StoredSpan s : spans) {
                batch.bind("spanId", s.spanId())
                        .bind("traceId", s.traceId())
                        .bind("parent", s.parentSpanId().orElse(null))
                        .bind("service", s.service())
                        .bind("name", s.name())
                        .bind("fileId", s.fileId().orElse(null))
                        .bind("startedAt", micros(s.startedAt()))
                        .bind("endedAt", micros(s.endedAt()))
                        .bind("status", s.ok() ? "ok" : "error")
                        .bind("detail", s.detail())
                        .add();
            }
            batch.execute();
        });
    }

    @Override
    public List<StoredSpan> spansOfTrace(String traceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM trace_spans WHERE trace_id = :traceId "
                        + "ORDER BY started_at, ended_at, span_id")
                .bind("traceId", traceId)
                .map((rs, ctx) -> span(rs))
                .list());
    }

    @Override
    public Optional<String> traceOfFile(String fileId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT trace_id FROM trace_spans WHERE file_id = :fileId "
                        + "ORDER BY started_at, span_id LIMIT 1")
                .bind("fileId", fileId)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public int sweep(Instant endedBefore) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM trace_spans WHERE ended_at < :before")
                .bind("before", micros(endedBefore))
                .execute());
    }

    private static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static Instant instant(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static StoredSpan span(ResultSet rs) throws SQLException {
        return new StoredSpan(rs.getString(1), rs.getString(2), Optional.ofNullable(rs.getString(3)), rs.getString(4),
                rs.getString(5), Optional.ofNullable(rs.getString(6)), instant(rs.getLong(7)), instant(rs.getLong(8)),
                "ok".equals(rs.getString(9)), rs.getString(10));
    }
}
