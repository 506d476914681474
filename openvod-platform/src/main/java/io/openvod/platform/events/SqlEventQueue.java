package io.openvod.platform.events;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link EventQueue} on the {@code event_deliveries} rows of channel PULL. A lease writes a fresh
 * random handle to {@code pull_handle} and moves {@code next_attempt_at} to the end of the
 * visibility; each row is taken by an UPDATE guarded on its state and due time, so of two
 * concurrent pulls only one gets a given event. Confirming sets the state CONFIRMED. PENDING
 * rows older than the retention are never handed out or counted, and are set DEAD by the
 * application's next pull that takes events. A pull with nothing due only reads. Handles live in
 * the database only, so an event pulled through one node is confirmed through any other. On
 * PostgreSQL a pull locks the rows it takes {@code FOR UPDATE SKIP LOCKED}: concurrent pulls take
 * different events at once instead of queueing behind each other's rows.
 */
public final class SqlEventQueue implements EventQueue {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder HANDLE_TEXT = Base64.getUrlEncoder().withoutPadding();

    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration visibility;
    private final Duration retention;
    private final String skipLocked;

    /**
     * @param visibility how long a leased event stays hidden awaiting confirmation
     * @param retention how long an event may wait to be pulled and confirmed
     */
    public SqlEventQueue(Jdbi jdbi, Clock clock, Duration visibility, Duration retention) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.visibility = visibility;
        this.retention = retention;
        this.skipLocked = SqlEngine.isPostgres(jdbi) ? " FOR UPDATE SKIP LOCKED" : "";
    }

    @Override
    public List<Leased> lease(long subAppId, int max) {
        if (max < 1 || max > MAX_PULL) {
            throw new IllegalArgumentException("max must be within 1.." + MAX_PULL);
        }
        long now = clock.millis();
        long cutoff = now - retention.toMillis();
        // A long poll asks often: read first, and write (lock) only when there is something to take.
        if (due(subAppId, now, cutoff, max).isEmpty()) {
            return List.of();
        }
        return jdbi.inTransaction(h -> {
            h.createUpdate("UPDATE event_deliveries SET state = 'DEAD', pull_handle = NULL, last_error = 'not confirmed within the retention' "
                            + "WHERE event_id IN (SELECT event_id FROM event_deliveries WHERE sub_app_id = :app AND channel = 'PULL' "
                            + "AND state = 'PENDING' AND created_at < :cutoff" + skipLocked + ")")
                    .bind("app", subAppId).bind("cutoff", cutoff).execute();
            List<String> due = due(h, subAppId, now, cutoff, max, skipLocked);
            Map<String, String> handles = new LinkedHashMap<>();
            for (String eventId : due) {
                String handle = newHandle();
                int taken = h.createUpdate("UPDATE event_deliveries SET pull_handle = :handle, next_attempt_at = :until, "
                                + "attempts = attempts + 1 WHERE event_id = :id AND channel = 'PULL' AND state = 'PENDING' "
                                + "AND next_attempt_at <= :now")
                        .bind("handle", handle).bind("until", now + visibility.toMillis()).bind("id", eventId).bind("now", now)
                        .execute();
                if (taken == 1) {
                    handles.put(eventId, handle);
                }
            }
            List<Leased> leased = new ArrayList<>();
            for (Map.Entry<String, String> e : handles.entrySet()) {
                String body = h.createQuery("SELECT body FROM event_outbox WHERE event_id = :id")
                        .bind("id", e.getKey()).mapTo(String.class).one();
                leased.add(new Leased(e.getKey(), e.getValue(), body));
            }
            return leased;
        });
    }

    private List<String> due(long subAppId, long now, long cutoff, int max) {
        return jdbi.withHandle(h -> due(h, subAppId, now, cutoff, max, ""));
    }

    private static List<String> due(Handle h, long subAppId, long now, long cutoff, int max, String lock) {
        return h.createQuery("SELECT event_id FROM event_deliveries WHERE sub_app_id = :app AND channel = 'PULL' "
                        + "AND state = 'PENDING' AND next_attempt_at <= :now AND created_at >= :cutoff "
                        + "ORDER BY created_at, event_id LIMIT :max" + lock)
                .bind("app", subAppId).bind("now", now).bind("cutoff", cutoff).bind("max", max)
                .mapTo(String.class).list();
    }

    @Override
    public List<String> confirm(long subAppId, List<String> handles) {
        long now = clock.millis();
        return jdbi.inTransaction(h -> {
            List<String> refused = new ArrayList<>();
            for (String handle : handles) {
                int confirmed = h.createUpdate("UPDATE event_deliveries SET state = 'CONFIRMED', delivered_at = :now "
                                + "WHERE pull_handle = :handle AND sub_app_id = :app AND channel = 'PULL' AND state = 'PENDING' "
                                + "AND next_attempt_at > :now")
                        .bind("now", now).bind("handle", handle).bind("app", subAppId).execute();
                if (confirmed == 0 && !alreadyConfirmed(h, subAppId, handle)) {
                    refused.add(handle);
                }
            }
            return refused;
        });
    }

    private static boolean alreadyConfirmed(Handle h, long subAppId, String handle) {
        return h.createQuery("SELECT COUNT(*) FROM event_deliveries WHERE pull_handle = :handle AND sub_app_id = :app "
                        + "AND channel = 'PULL' AND state = 'CONFIRMED'")
                .bind("handle", handle).bind("app", subAppId).mapTo(Long.class).one() > 0;
    }

    @Override
    public long countToPull(long subAppId) {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event_deliveries WHERE sub_app_id = :app "
                        + "AND channel = 'PULL' AND state = 'PENDING' AND next_attempt_at <= :now AND created_at >= :cutoff")
                .bind("app", subAppId).bind("now", now).bind("cutoff", now - retention.toMillis())
                .mapTo(Long.class).one());
    }

    @Override
    public long countToPull() {
        long now = clock.millis();
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event_deliveries WHERE channel = 'PULL' AND state = 'PENDING' "
                        + "AND next_attempt_at <= :now AND created_at >= :cutoff")
                .bind("now", now).bind("cutoff", now - retention.toMillis())
                .mapTo(Long.class).one());
    }

    /** 24 random bytes as 32 base64url characters: unguessable, and new for every lease. */
    private static String newHandle() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HANDLE_TEXT.encodeToString(bytes);
    }
}
