package io.openvod.app.store;

import io.openvod.app.receipt.ForwardStatus;
import io.openvod.app.receipt.ParsedEvent;
import io.openvod.app.receipt.PendingForward;
import io.openvod.app.receipt.ReceivedEvents;
import io.openvod.app.receipt.StoredEvent;
import io.openvod.app.videos.Videos;
import io.openvod.core.TimeOrderedIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ReceivedEvents} over the {@code received_events} table, in SQL that SQLite and PostgreSQL
 * both accept, safe for several app nodes on one database:
 * <ul>
 *   <li>{@link #store} inserts with {@code ON CONFLICT (content_key) DO NOTHING} and, when that
 *       inserted nothing, reads the id of the row that is there: a second delivery, on this node or
 *       at the same moment on another, stores nothing (on PostgreSQL the second insert waits for the
 *       first one's commit).</li>
 *   <li>{@link #finish} claims the event first ({@code UPDATE … WHERE state = 'RECEIVED'}, which
 *       takes the row's lock) and runs the event's changes only when it did, in the same
 *       transaction, on the videos of that transaction ({@link VideoRows}).</li>
 *   <li>{@link #claimForward} moves a due event's {@code forward_next_at} to the end of a lease,
 *       so one node sends it.</li>
 * </ul>
 */
public final class SqlReceivedEvents implements ReceivedEvents {
    private static final int MAX_STORE_RACES = 5;
    private static final String COLUMNS = "id, source, format, event_type, file_ids, body, event_id, sequence, state, attempts, note, "
            + "received_at, trace_id";

    private final Jdbi jdbi;
    private final Clock clock;
    private final Engine engine;

    public SqlReceivedEvents(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.engine = Engine.of(jdbi);
    }

    @Override
    public Stored store(String source, ParsedEvent parsed, String body, Optional<String> eventId, long sequence, boolean forward,
                        Optional<String> traceId) {
        for (int race = 0; race < MAX_STORE_RACES; race++) {
            Optional<String> existing = idOf(parsed.contentKey());
            if (existing.isPresent()) {
                return new Stored(existing.get(), false);
            }
            String id = TimeOrderedIds.next();
            int inserted = jdbi.withHandle(h -> h.createUpdate("INSERT INTO received_events (id, content_key, source, format, "
                            + "event_type, file_ids, body, event_id, sequence, state, attempts, note, received_at, forward_state, "
                            + "forward_attempts, trace_id) VALUES (:id, :key, :source, :format, :type, :fileIds, :body, :eventId, "
                            + ":sequence, 'RECEIVED', 0, '', :at, :forward, 0, :traceId) ON CONFLICT (content_key) DO NOTHING")
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
                    .bind("traceId", traceId.orElse(null))
                    .execute());
            if (inserted == 1) {
                return new Stored(id, true);
            }
            // another delivery of the same content was stored meanwhile: its id is read on the next turn
        }
        throw new IllegalStateException("the event with content key " + parsed.contentKey() + " could be neither stored nor read");
    }

    private Optional<String> idOf(String contentKey) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM received_events WHERE content_key = :key")
                .bind("key", contentKey)
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public List<StoredEvent> received(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM received_events WHERE state = 'RECEIVED' "
                        + "ORDER BY received_at, id LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    @Override
    public Inbox inbox() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*), MIN(received_at) FROM received_events WHERE state = 'RECEIVED'")
                .map((rs, ctx) -> {
                    long depth = rs.getLong(1);
                    long oldest = rs.getLong(2);
                    return new Inbox(depth, rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(oldest)));
                })
                .one());
    }

    @Override
    public List<StoredEvent> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM received_events ORDER BY received_at DESC, id DESC "
                        + "LIMIT :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list());
    }

    @Override
    public Optional<StoredEvent> find(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM received_events WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> event(rs))
                .findOne());
    }

    @Override
    public boolean finish(String id, Outcome outcome, String note, Consumer<Videos> changes) {
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(changes, "changes == null");
        return Transactions.retrying(jdbi, h -> {
            if (!claim(h, id, outcome, note)) {
                return false;
            }
            changes.accept(new VideoRows(h, engine));
            return true;
        });
    }

    private boolean claim(Handle h, String id, Outcome outcome, String note) {
        return h.createUpdate("UPDATE received_events SET state = :state, note = :note, processed_at = :at, attempts = attempts + 1 "
                        + "WHERE id = :id AND state = 'RECEIVED'")
                .bind("state", outcome.name())
                .bind("note", note)
                .bind("at", clock.millis())
                .bind("id", id)
                .execute() == 1;
    }

    @Override
    public void failAttempt(String id, String note, int maxAttempts) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE received_events SET attempts = attempts + 1, note = :note, "
                        + "state = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE state END WHERE id = :id AND state = 'RECEIVED'")
                .bind("note", note)
                .bind("max", maxAttempts)
                .bind("id", id)
                .execute());
    }

    @Override
    public List<PendingForward> dueForwards(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", forward_attempts FROM received_events "
                        + "WHERE forward_state = 'PENDING' AND state IN ('PROCESSED', 'IGNORED') "
                        + "AND COALESCE(forward_next_at, 0) <= :now ORDER BY received_at, id LIMIT :limit")
                .bind("now", clock.millis())
                .bind("limit", limit)
                .map((rs, ctx) -> new PendingForward(event(rs), rs.getInt(14)))
                .list());
    }

    @Override
    public boolean claimForward(String id, Instant now, Instant until) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE received_events SET forward_next_at = :until WHERE id = :id "
                        + "AND forward_state = 'PENDING' AND state IN ('PROCESSED', 'IGNORED') AND COALESCE(forward_next_at, 0) <= :now")
                .bind("until", until.toEpochMilli())
                .bind("now", now.toEpochMilli())
                .bind("id", id)
                .execute()) == 1;
    }

    @Override
    public void forwardSent(String id) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE received_events SET forward_state = 'SENT', forward_attempts = forward_attempts + 1, "
                        + "forward_next_at = NULL WHERE id = :id AND forward_state = 'PENDING'")
                .bind("id", id)
                .execute());
    }

    @Override
    public boolean forwardFailed(String id, int maxAttempts, Instant nextAt) {
        return jdbi.inTransaction(h -> {
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

    @Override
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

    private static StoredEvent event(ResultSet rs) throws SQLException {
        String fileIds = rs.getString(5);
        return new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                fileIds.isEmpty() ? List.of() : Arrays.asList(fileIds.split(",")), rs.getString(6), Optional.ofNullable(rs.getString(7)),
                rs.getLong(8), rs.getString(9), rs.getInt(10), rs.getString(11), Instant.ofEpochMilli(rs.getLong(12)),
                Optional.ofNullable(rs.getString(13)));
    }
}
