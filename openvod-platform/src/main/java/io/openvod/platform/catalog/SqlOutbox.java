package io.openvod.platform.catalog;

import io.openvod.core.trace.TraceParent;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The {@code event_outbox} rows, written in the caller's transaction. Each event takes the next
 * sequence number of its FileId with an upsert on the FileId's {@code event_sequences} row, which
 * holds that row until the transaction ends: two nodes writing events of one FileId at once take
 * turns instead of both reading the same highest number. The {@code traceparent} of the step that
 * wrote an event is stored with it.
 */
final class SqlOutbox {
    private SqlOutbox() {
    }

    /** Writes {@code e} as committed at {@code now} (epoch milliseconds); returns its sequence number. */
    static long append(Handle h, OutboxEvent e, long now) {
        h.createUpdate("INSERT INTO event_sequences (file_id, last_seq) VALUES (:fileId, 1) "
                        + "ON CONFLICT (file_id) DO UPDATE SET last_seq = event_sequences.last_seq + 1")
                .bind("fileId", e.fileId())
                .execute();
        long seq = h.createQuery("SELECT last_seq FROM event_sequences WHERE file_id = :fileId")
                .bind("fileId", e.fileId())
                .mapTo(Long.class)
                .one();
        h.createUpdate("INSERT INTO event_outbox (event_id, app_id, sub_app_id, file_id, seq, event_type, body, created_at, "
                        + "traceparent) VALUES (:id, :appId, :subAppId, :fileId, :seq, :type, :body, :at, :traceparent)")
                .bind("id", e.eventId())
                .bind("appId", e.appId())
                .bind("subAppId", e.subAppId())
                .bind("fileId", e.fileId())
                .bind("seq", seq)
                .bind("type", e.eventType())
                .bind("body", e.body())
                .bind("at", now)
                .bind("traceparent", e.traceparent().map(TraceParent::header).orElse(null))
                .execute();
        return seq;
    }

    /** The events of {@code fileId} in sequence order. */
    static List<StoredEvent> events(Handle h, String fileId) {
        return h.createQuery("SELECT event_id, app_id, sub_app_id, file_id, event_type, body, seq, created_at, traceparent "
                        + "FROM event_outbox WHERE file_id = :fileId ORDER BY seq")
                .bind("fileId", fileId)
                .map((rs, ctx) -> new StoredEvent(new OutboxEvent(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), TraceParent.parse(rs.getString(9))), rs.getLong(7),
                        Instant.ofEpochMilli(rs.getLong(8))))
                .list();
    }
}
