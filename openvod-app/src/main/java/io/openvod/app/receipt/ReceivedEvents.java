package io.openvod.app.receipt;

import io.openvod.app.videos.Videos;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The inbox of received VOD events: each event content is stored once, then processed once, then
 * (optionally) forwarded to the app's hook. Several app nodes may share one inbox: a body
 * delivered to two of them at once is stored once ({@link #store}), and an event read by the
 * processors of two nodes is applied by one of them ({@link #finish}).
 */
public interface ReceivedEvents {

    /**
     * Stores an event unless one with the same {@link ParsedEvent#contentKey()} is stored already;
     * concurrent calls with the same content (on any node) store one row and all return its id.
     *
     * @param source {@code push} or {@code pull}
     * @param body the body as received
     * @param eventId OpenVOD's event id, when the sender gave one
     * @param sequence OpenVOD's per-FileId sequence, 0 when none
     * @param forward whether the event is to be forwarded to the app's hook once processed
     * @param traceId the trace the event belongs to ({@link EventTrace}), kept with it; empty when none. A
     *     repeated delivery keeps the trace of the first.
     * @return the stored event's id, and whether this call stored it
     */
    Stored store(String source, ParsedEvent parsed, String body, Optional<String> eventId, long sequence, boolean forward,
                 Optional<String> traceId);

    /** The outcome of {@link #store}. */
    record Stored(String id, boolean isNew) {
    }

    /** The oldest events not processed yet ({@code RECEIVED}), in the order they came. */
    List<StoredEvent> received(int limit);

    /** How many events wait to be processed ({@code RECEIVED}), and when the oldest of them came (metrics). */
    Inbox inbox();

    /** The unprocessed part of the inbox: {@code depth} events, the oldest received at {@code oldest} (empty when none). */
    record Inbox(long depth, Optional<Instant> oldest) {
    }

    /** Events in any state, newest first (for operators). */
    List<StoredEvent> recent(int limit);

    Optional<StoredEvent> find(String id);

    /** How processing ended for an event. */
    enum Outcome {
        /** Applied to the videos. */
        PROCESSED,
        /** An event type the app does not act on. */
        IGNORED
    }

    /**
     * Marks a {@code RECEIVED} event done and, in the same transaction, runs {@code changes} on the
     * videos: either both are stored or neither. The event is claimed first, so of concurrent calls
     * for one event (two nodes' processors) exactly one runs {@code changes} to the end and returns
     * true; the others change nothing and return false, as does a call for an event no longer
     * {@code RECEIVED}. {@code changes} may run again when the database aborted an attempt (a
     * deadlock), so it must change nothing but the videos it is given.
     *
     * @param changes what the event does to the videos, given the videos of this transaction
     * @return whether this call processed the event
     */
    boolean finish(String id, Outcome outcome, String note, Consumer<Videos> changes);

    /** Records a failed processing attempt of a {@code RECEIVED} event; it is {@code FAILED} after {@code maxAttempts}. */
    void failAttempt(String id, String note, int maxAttempts);

    /**
     * Events whose processing is done ({@code PROCESSED} or {@code IGNORED}) and whose forwarding is
     * {@code PENDING} and due by now, oldest first.
     */
    List<PendingForward> dueForwards(int limit);

    /**
     * Claims a due pending event for one forwarding attempt until {@code until}: no node gets it from
     * {@link #dueForwards} or claims it again before then (unless the attempt is recorded first).
     *
     * @return whether this call claimed it (false: another node did, or it is not due or not pending)
     */
    boolean claimForward(String id, Instant now, Instant until);

    /** Marks a pending event forwarded. */
    void forwardSent(String id);

    /**
     * Records a failed forwarding attempt: the event is retried at {@code nextAt}, or is {@code DEAD}
     * once it has had {@code maxAttempts}.
     *
     * @return whether the event is {@code DEAD} now
     */
    boolean forwardFailed(String id, int maxAttempts, Instant nextAt);

    /** Where an event stands in forwarding (for operators and tests). */
    Optional<ForwardStatus> forwardStatus(String id);
}
