package io.openvod.platform.events;

import io.openvod.core.trace.TraceParent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link DeliveryLog} on the {@code event_deliveries} rows (joined with {@code event_outbox} for
 * the event). A claim moves the row's due time to the end of the lease with an UPDATE guarded on
 * the due time and attempts that were read, so of two concurrent claims only one changes the row.
 * On PostgreSQL the claim takes the row {@code FOR UPDATE SKIP LOCKED}: a claim that finds another
 * node's claim in progress gives up at once instead of waiting for it. A batch of claims, and a
 * batch of outcomes (sorted by event id, so two nodes' batches never wait on each other in a
 * cycle), each take one transaction. {@link #schedule} joins the
 * caller's transaction when that runs on the same {@link Jdbi} and thread, and tells the
 * {@link #afterPushScheduled} listeners of a PUSH once that transaction has committed.
 */
public final class SqlDeliveryLog implements DeliveryLog {
    private static final int MAX_ERROR = 300;
    private static final String RECORD_COLUMNS = "o.event_id, o.event_type, o.file_id, o.seq, d.sub_app_id, d.channel, "
            + "d.state, d.attempts, d.last_error, o.created_at, d.delivered_at, o.body FROM event_deliveries d "
            + "JOIN event_outbox o ON o.event_id = d.event_id";
    private static final String CLAIMABLE = "event_id = :id AND state = 'PENDING' AND channel = 'PUSH' "
            + "AND next_attempt_at = :seen AND attempts = :attempts";

    private final Jdbi jdbi;
    private final Clock clock;
    private final String claim;
    private final List<Runnable> pushScheduled = new CopyOnWriteArrayList<>();

    public SqlDeliveryLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.claim = SqlEngine.isPostgres(jdbi)
                ? "UPDATE event_deliveries SET next_attempt_at = :lease WHERE event_id = "
                        + "(SELECT event_id FROM event_deliveries WHERE " + CLAIMABLE + " FOR UPDATE SKIP LOCKED)"
                : "UPDATE event_deliveries SET next_attempt_at = :lease WHERE " + CLAIMABLE;
    }

    @Override
    public void schedule(String eventId, long subAppId, DeliveryRoute route, long at) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO event_deliveries (event_id, sub_app_id, channel, state, target_url, "
                        + "attempts, next_attempt_at, created_at) VALUES (:id, :app, :channel, :state, :url, 0, :at, :at)")
                .bind("id", eventId)
                .bind("app", subAppId)
                .bind("channel", route.channel())
                .bind("state", route.initialState())
                .bind("url", route.targetUrl().orElse(null))
                .bind("at", at)
                .execute());
        if ("PUSH".equals(route.channel()) && !pushScheduled.isEmpty()) {
            jdbi.useHandle(h -> {
                if (h.isInTransaction()) {
                    h.afterCommit(this::pushScheduled);
                } else {
                    pushScheduled();
                }
            });
        }
    }

    @Override
    public void afterPushScheduled(Runnable listener) {
        pushScheduled.add(listener);
    }

    private void pushScheduled() {
        pushScheduled.forEach(Runnable::run);
    }

    @Override
    public List<PushDelivery> due(long now, int limit, Collection<String> skipUrls) {
        String skip = skipUrls.isEmpty() ? "" : " AND d.target_url NOT IN (<skip>)";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT d.event_id, d.sub_app_id, o.file_id, o.seq, o.event_type, o.body, d.target_url, "
                            + "d.attempts, d.next_attempt_at, d.created_at, o.traceparent FROM event_deliveries d "
                            + "JOIN event_outbox o ON o.event_id = d.event_id "
                            + "WHERE d.channel = 'PUSH' AND d.state = 'PENDING' AND d.next_attempt_at <= :now" + skip
                            + " ORDER BY d.next_attempt_at, d.event_id LIMIT :limit")
                    .bind("now", now)
                    .bind("limit", limit);
            if (!skipUrls.isEmpty()) {
                query.bindList("skip", List.copyOf(skipUrls));
            }
            return query.map((rs, ctx) -> new PushDelivery(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8), rs.getLong(9), rs.getLong(10),
                    TraceParent.parse(rs.getString(11)))).list();
        });
    }

    @Override
    public List<PushDelivery> claim(List<PushDelivery> ds, long leaseUntil) {
        if (ds.isEmpty()) {
            return List.of();
        }
        int[] changed = jdbi.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(claim);
            for (PushDelivery d : ds) {
                batch.bind("lease", leaseUntil).bind("id", d.eventId()).bind("seen", d.nextAttemptAt())
                        .bind("attempts", d.attempts()).add();
            }
            return batch.execute();
        });
        List<PushDelivery> claimed = new ArrayList<>(ds.size());
        for (int i = 0; i < ds.size(); i++) {
            if (changed[i] == 1) {
                claimed.add(ds.get(i));
            }
        }
        return claimed;
    }

    @Override
    public void record(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<DeliveryOutcome> ordered = outcomes.stream()
                .sorted(Comparator.comparing((DeliveryOutcome o) -> o.delivery().eventId())).toList();
        jdbi.useTransaction(h -> {
            PreparedBatch delivered = h.prepareBatch("UPDATE event_deliveries SET state = 'DELIVERED', attempts = :attempts, "
                    + "delivered_at = :at, last_error = NULL WHERE event_id = :id AND state = 'PENDING'");
            PreparedBatch failed = h.prepareBatch("UPDATE event_deliveries SET state = :state, attempts = :attempts, "
                    + "next_attempt_at = :next, last_error = :error WHERE event_id = :id AND state = 'PENDING'");
            for (DeliveryOutcome o : ordered) {
                PushDelivery d = o.delivery();
                if (o.state().equals("DELIVERED")) {
                    delivered.bind("attempts", d.attempts() + 1).bind("at", o.at()).bind("id", d.eventId()).add();
                } else {
                    failed.bind("state", o.state()).bind("attempts", d.attempts() + 1).bind("next", o.at())
                            .bind("error", shorten(o.error().orElse(""))).bind("id", d.eventId()).add();
                }
            }
            if (delivered.size() > 0) {
                delivered.execute();
            }
            if (failed.size() > 0) {
                failed.execute();
            }
        });
    }

    @Override
    public boolean redeliver(String eventId) {
        return redeliver(Optional.empty(), eventId);
    }

    @Override
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

    @Override
    public int redeliverDead(Optional<Long> subAppId) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createUpdate("UPDATE event_deliveries SET state = 'PENDING', attempts = 0, "
                        + "next_attempt_at = :now, created_at = :now WHERE channel = 'PUSH' AND state = 'DEAD'"
                        + (subAppId.isPresent() ? " AND sub_app_id = :app" : ""))
                .bind("now", now)
                .bind("app", subAppId.orElse(0L))
                .execute());
    }

    @Override
    public List<DeliveryRecord> list(Optional<String> state, Optional<String> fileId, int limit) {
        state.ifPresent(s -> {
            if (!STATES.contains(s)) {
                throw new IllegalArgumentException("state must be one of PENDING, DELIVERED, DEAD, CONFIRMED");
            }
        });
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RECORD_COLUMNS + " WHERE 1 = 1"
                        + (state.isPresent() ? " AND d.state = :state" : "")
                        + (fileId.isPresent() ? " AND o.file_id = :file" : "")
                        + " ORDER BY o.created_at DESC, o.event_id DESC LIMIT :limit")
                .bind("state", state.orElse(""))
                .bind("file", fileId.orElse(""))
                .bind("limit", limit)
                .map((rs, ctx) -> record(rs))
                .list());
    }

    @Override
    public Optional<DeliveryRecord> find(String eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RECORD_COLUMNS + " WHERE d.event_id = :id")
                .bind("id", eventId)
                .map((rs, ctx) -> record(rs))
                .findOne());
    }

    private static DeliveryRecord record(ResultSet rs) throws SQLException {
        long delivered = rs.getLong(11);
        Optional<Instant> deliveredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(delivered));
        return new DeliveryRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), Optional.ofNullable(rs.getString(9)),
                Instant.ofEpochMilli(rs.getLong(10)), deliveredAt, EventTaskIds.of(rs.getString(12)));
    }

    private static String shorten(String error) {
        String oneLine = error.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= MAX_ERROR ? oneLine : oneLine.substring(0, MAX_ERROR - 1) + "…";
    }
}
