package io.openvod.app.receipt;

import io.openvod.core.TimeOrderedIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The inbox of received events (table {@code received_events}). */
public final class SqlReceivedEvents {
    private static final String COLUMNS = "id, source, format, event_type, file_ids, body, event_id, sequence, state, attempts, note, "
            + "received_at";

    private final Jdbi jdbi;
    private final Clock clock;

    public SqlReceivedEvents(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores an event unless one with the same content is stored already.
     *
     * @return the stored event's id, and whether it was new
     */
    public Stored store(String source, ParsedEvent parsed, String body, Optional<String> eventId, long sequence, boolean forward) {
        return jdbi.inTransaction(h -> {
            Optional<String> existing = h.createQuery("SELECT id FROM received_events WHERE content_key = :key")
                    .bind("key", parsed.contentKey())
                    .mapTo(String.class)
                    .findOne();
            if (existing.isPresent()) {
                return new Stored(existing.get(), false);
            }
            String id = TimeOrderedIds.next();
            h.createUpdate("INSERT INTO received_events (id, content_key, source, format, event_type, file_ids, body, event_id, sequence, "
                            + "state, attempts, note, received_at, forward_state, forward_attempts) VALUES (:id, :key, :source, :format, "
                            + ":type, :fileIds, :body, :eventId, :sequence, 'RECEIVED', 0, '', :at, :forward, 0)")
                    .bind("id", id)
                    .bind("key", parsed.contentKey())
                    .bind("source", source)
                    .bind("format", parsed.format())
                    .bind("type", parsed.event().eventType())
                    .bind("fileIds", String.join(",", parsed.event().fileIds()))
                    .bind("body", body)
                    .bind("eventId", eventId.orElse(null))
                    .bind("sequence", sequence)
                    .bind("at", clock.millis())
                    .bind("forward", forward ? "PENDING" : "NONE")
                    .execute();
            return new Stored(id, true);
        });
    }

    /** The outcome of {@link #store}. */
    public record Stored(String id, boolean isNew) {
    }

    /** The oldest events not processed yet. */
    public List<StoredEvent> received(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM received_events WHERE state = 'RECEIVED' "
                        + "ORDER BY received_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    /** Events in any state, newest first (for operators). */
    public List<StoredEvent> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM received_events ORDER BY received_at DESC, id DESC "
                        + "LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    public Optional<StoredEvent> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM received_events WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> event(rs))
                .findOne());
    }

    /** Marks an event done in the caller's transaction; false when it was not {@code RECEIVED} any more. */
    boolean finish(Handle h, String id, String state, String note) {
        return h.createUpdate("UPDATE received_events SET state = :state, note = :note, processed_at = :at, attempts = attempts + 1 "
                        + "WHERE id = :id AND state = 'RECEIVED'")
                .bind("state", state)
                .bind("note", note)
                .bind("at", clock.millis())
                .bind("id", id)
                .execute() == 1;
    }

    /** Records a failed processing attempt; the event is {@code FAILED} after {@code maxAttempts}. */
    void failAttempt(String id, String note, int maxAttempts) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE received_events SET attempts = attempts + 1, note = :note, "
                        + "state = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE state END WHERE id = :id AND state = 'RECEIVED'")
                .bind("note", note)
                .bind("max", maxAttempts)
                .bind("id", id)
                .execute());
    }

    /**
     * Events whose processing is done ({@code PROCESSED} or {@code IGNORED}) and whose forwarding is
     * {@code PENDING} and due by now, oldest first.
     */
    public List<PendingForward> dueForwards(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", forward_attempts FROM received_events "
                        + "WHERE forward_state = 'PENDING' AND state IN ('PROCESSED', 'IGNORED') "
                        + "AND COALESCE(forward_next_at, 0) <= :now ORDER BY received_at, id LIMIT :limit")
                .bind("now", clock.millis())
                .bind("limit", limit)
                .map((rs, ctx) -> new PendingForward(event(rs), rs.getInt(13)))
                .list());
    }

    /** Marks a pending event forwarded. */
    public void forwardSent(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE received_events SET forward_state = 'SENT', forward_attempts = forward_attempts + 1, "
                        + "forward_next_at = NULL WHERE id = :id AND forward_state = 'PENDING'")
                .bind("id", id)
                .execute());
    }

    /**
     * Records a failed forwarding attempt: the event is retried at {@code nextAt}, or is {@code DEAD}
     * once it has had {@code maxAttempts}.
     *
     * @return whether the event is {@code DEAD} now
     */
    public boolean forwardFailed(String id, int maxAttempts, Instant nextAt) {
        return jdbi.withHandle(h -> {
            h.createUpdate("UPDATE received_events SET forward_attempts = forward_attempts + 1, "
                            + "forward_state = CASE WHEN forward_attempts + 1 >= :max THEN 'DEAD' ELSE 'PENDING' END, "
                            + "forward_next_at = CASE WHEN forward_attempts + 1 >= :max THEN NULL ELSE :next END "
                            + "WHERE id = :id AND forward_state = 'PENDING'")
                    .bind("max", maxAttempts)
                    .bind("next", nextAt.toEpochMilli())
                    .bind("id", id)
                    .execute();
            return h.createQuery("SELECT forward_state FROM received_events WHERE id = :id")
                    .bind("id", id)
                    .mapTo(String.class)
                    .findOne()
                    .map("DEAD"::equals)
                    .orElse(false);
        });
    }

    /** Where an event stands in forwarding (for operators and tests). */
    public Optional<ForwardStatus> forwardStatus(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT forward_state, forward_attempts, forward_next_at FROM received_events "
                        + "WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> {
                    long next = rs.getLong(3);
                    Optional<Instant> nextAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(next));
                    return new ForwardStatus(rs.getString(1), rs.getInt(2), nextAt);
                })
                .findOne());
    }

    Jdbi jdbi() {
        return jdbi;
    }

    private static StoredEvent event(ResultSet rs) throws SQLException {
        String fileIds = rs.getString(5);
        return new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                fileIds.isEmpty() ? List.of() : Arrays.asList(fileIds.split(",")), rs.getString(6), Optional.ofNullable(rs.getString(7)),
                rs.getLong(8), rs.getString(9), rs.getInt(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)));
    }
}
