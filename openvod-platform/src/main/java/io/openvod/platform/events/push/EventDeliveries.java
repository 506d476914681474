package io.openvod.platform.events.push;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code event_deliveries} rows of PUSH events: which are due, claiming one for a POST (a
 * lease that keeps other workers off it while it is sent), recording the outcome, and the
 * dead-letter operations — listing, and redelivering dead events.
 */
public final class EventDeliveries {
    /** The states a delivery row can be in. */
    public static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "DEAD", "CONFIRMED");
    private static final int MAX_ERROR = 300;

    private final Jdbi jdbi;
    private final Clock clock;

    public EventDeliveries(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Up to {@code limit} PUSH deliveries due at {@code now}, the longest-waiting first, leaving out
     * those to {@code skipUrls} (receivers that already have as many POSTs in flight as allowed).
     */
    public List<PushDelivery> due(long now, int limit, Collection<String> skipUrls) {
        String skip = skipUrls.isEmpty() ? "" : " AND d.target_url NOT IN (<skip>)";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT d.event_id, d.sub_app_id, o.file_id, o.seq, o.event_type, o.body, d.target_url, "
                            + "d.attempts, d.next_attempt_at, d.created_at FROM event_deliveries d "
                            + "JOIN event_outbox o ON o.event_id = d.event_id "
                            + "WHERE d.channel = 'PUSH' AND d.state = 'PENDING' AND d.next_attempt_at <= :now" + skip
                            + " ORDER BY d.next_attempt_at, d.event_id LIMIT :limit")
                    .bind("now", now)
                    .bind("limit", limit);
            if (!skipUrls.isEmpty()) {
                query.bindList("skip", List.copyOf(skipUrls));
            }
            return query.map((rs, ctx) -> new PushDelivery(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9), rs.getLong(10))).list();
        });
    }

    /**
     * Claims {@code d} for one POST: moves its due time to {@code leaseUntil} if nobody else did
     * since it was read. A worker that dies mid-POST leaves the row due again when the lease ends.
     */
    public boolean claim(PushDelivery d, long leaseUntil) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE event_deliveries SET next_attempt_at = :lease WHERE event_id = :id "
                        + "AND state = 'PENDING' AND channel = 'PUSH' AND next_attempt_at = :seen AND attempts = :attempts")
                .bind("lease", leaseUntil)
                .bind("id", d.eventId())
                .bind("seen", d.nextAttemptAt())
                .bind("attempts", d.attempts())
                .execute()) == 1;
    }

    /** The receiver accepted the POST. */
    public void delivered(PushDelivery d, long at) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE event_deliveries SET state = 'DELIVERED', attempts = :attempts, "
                        + "delivered_at = :at, last_error = NULL WHERE event_id = :id AND state = 'PENDING'")
                .bind("attempts", d.attempts() + 1)
                .bind("at", at)
                .bind("id", d.eventId())
                .execute());
    }

    /** The POST failed: try again at {@code nextAttemptAt}, or dead-letter when that is empty. */
    public void failed(PushDelivery d, String error, java.util.OptionalLong nextAttemptAt) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE event_deliveries SET state = :state, attempts = :attempts, "
                        + "next_attempt_at = :next, last_error = :error WHERE event_id = :id AND state = 'PENDING'")
                .bind("state", nextAttemptAt.isPresent() ? "PENDING" : "DEAD")
                .bind("attempts", d.attempts() + 1)
                .bind("next", nextAttemptAt.orElse(clock.millis()))
                .bind("error", shorten(error))
                .bind("id", d.eventId())
                .execute());
    }

    /**
     * Sends a dead or delivered PUSH event again: PENDING, no attempts, due now, and a new retry
     * window from now. False when there is no such PUSH event (or it is still pending).
     */
    public boolean redeliver(String eventId) {
        return redeliver(Optional.empty(), eventId);
    }

    /** {@link #redeliver(String)} for an event of application {@code subAppId} only. */
    public boolean redeliver(long subAppId, String eventId) {
        return redeliver(Optional.of(subAppId), eventId);
    }

    private boolean redeliver(Optional<Long> subAppId, String eventId) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE event_deliveries SET state = 'PENDING', attempts = 0, "
                        + "next_attempt_at = :now, created_at = :now, delivered_at = NULL WHERE event_id = :id "
                        + "AND channel = 'PUSH' AND state IN ('DEAD', 'DELIVERED')"
                        + (subAppId.isPresent() ? " AND sub_app_id = :app" : ""))
                .bind("now", now)
                .bind("id", eventId)
                .bind("app", subAppId.orElse(0L))
                .execute()) == 1;
    }

    /** Redelivers every dead PUSH event, of one application or (empty) of all; returns how many. */
    public int redeliverDead(Optional<Long> subAppId) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE event_deliveries SET state = 'PENDING', attempts = 0, "
                        + "next_attempt_at = :now, created_at = :now WHERE channel = 'PUSH' AND state = 'DEAD'"
                        + (subAppId.isPresent() ? " AND sub_app_id = :app" : ""))
                .bind("now", now)
                .bind("app", subAppId.orElse(0L))
                .execute());
    }

    /** Events and their deliveries, newest first: all, or those in {@code state}, or of one FileId. */
    public List<DeliveryRecord> list(Optional<String> state, Optional<String> fileId, int limit) {
        state.ifPresent(s -> {
            if (!STATES.contains(s)) {
                throw new IllegalArgumentException("state must be one of PENDING, DELIVERED, DEAD, CONFIRMED");
            }
        });
        return jdbi.withHandle(h -> h.createQuery("SELECT o.event_id, o.event_type, o.file_id, o.seq, d.sub_app_id, d.channel, "
                        + "d.state, d.attempts, d.last_error, o.created_at, d.delivered_at FROM event_deliveries d "
                        + "JOIN event_outbox o ON o.event_id = d.event_id WHERE 1 = 1"
                        + (state.isPresent() ? " AND d.state = :state" : "")
                        + (fileId.isPresent() ? " AND o.file_id = :file" : "")
                        + " ORDER BY o.created_at DESC, o.event_id DESC LIMIT :limit")
                .bind("state", state.orElse(""))
                .bind("file", fileId.orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> record(rs))
                .list());
    }

    /** One event's delivery. */
    public Optional<DeliveryRecord> find(String eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT o.event_id, o.event_type, o.file_id, o.seq, d.sub_app_id, d.channel, "
                        + "d.state, d.attempts, d.last_error, o.created_at, d.delivered_at FROM event_deliveries d "
                        + "JOIN event_outbox o ON o.event_id = d.event_id WHERE d.event_id = :id")
                .bind("id", eventId)
                .map((rs, ctx) -> record(rs))
                .findOne());
    }

    private static DeliveryRecord record(ResultSet rs) throws SQLException {
        long delivered = rs.getLong(11);
        Optional<Instant> deliveredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(delivered));
        return new DeliveryRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), Optional.ofNullable(rs.getString(9)),
                Instant.ofEpochMilli(rs.getLong(10)), deliveredAt);
    }

    private static String shorten(String error) {
        String oneLine = error.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR - 1) + "…";
    }
}
