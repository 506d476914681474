package io.openvod.platform.events;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The delivery of every event: one entry per outbox event, written in the event's transaction
 * with its {@link DeliveryRoute}. PUSH entries are sent by the dispatcher — due ones are claimed
 * with a lease, so that one worker of one node sends each at a time, then marked delivered,
 * rescheduled or dead — and dead letters are redelivered on request. PULL entries are handed out
 * by the {@link EventQueue}. Times are epoch milliseconds.
 */
public interface DeliveryLog {
    /** The states a delivery can be in. */
    Set<String> STATES = Set.of("PENDING", "DELIVERED", "DEAD", "CONFIRMED");

    /**
     * Records the delivery of a newly written event, due at {@code at}, in the state
     * {@link DeliveryRoute#initialState()}. Call inside the transaction that writes the event.
     */
    void schedule(String eventId, long subAppId, DeliveryRoute route, long at);

    /**
     * Calls {@code listener} on this node after each transaction that {@linkplain #schedule scheduled}
     * a PUSH delivery has committed (at once when there was no transaction; never for one rolled
     * back), so that the dispatcher sends it now instead of at its next poll. Deliveries scheduled
     * by other nodes are not heard: their dispatchers, or this one's poll, find them.
     */
    void afterPushScheduled(Runnable listener);

    /**
     * Up to {@code limit} PENDING PUSH deliveries due at {@code now}, the longest-waiting first,
     * leaving out those to {@code skipUrls} (receivers that already have as many POSTs in flight
     * as allowed), each with its event's stored {@code traceparent}. Reading takes nothing: {@link #claim} does.
     */
    List<PushDelivery> due(long now, int limit, Collection<String> skipUrls);

    /**
     * Claims {@code d} for one POST until {@code leaseUntil}: true for exactly one caller over all
     * nodes, and only while the delivery is as {@code d} read it (still pending, the same due time
     * and attempts). A worker that dies mid-POST leaves it due again when the lease ends.
     */
    default boolean claim(PushDelivery d, long leaseUntil) {
        return !claim(List.of(d), leaseUntil).isEmpty();
    }

    /**
     * {@link #claim(PushDelivery, long)} for each of {@code ds} in one transaction: answers those
     * claimed, in the order given; the others were claimed elsewhere or changed since they were read.
     */
    List<PushDelivery> claim(List<PushDelivery> ds, long leaseUntil);

    /** The receiver accepted the POST of a claimed delivery. */
    default void delivered(PushDelivery d, long at) {
        record(List.of(DeliveryOutcome.delivered(d, at)));
    }

    /** The POST failed: one more attempt, {@code error} recorded, due again at {@code nextAttemptAt}. */
    default void failed(PushDelivery d, String error, long nextAttemptAt) {
        record(List.of(DeliveryOutcome.retry(d, error, nextAttemptAt)));
    }

    /** The last POST failed and no attempt is left: the delivery is a dead letter. */
    default void dead(PushDelivery d, String error, long at) {
        record(List.of(DeliveryOutcome.dead(d, error, at)));
    }

    /**
     * Records the outcomes of claimed deliveries in one transaction, each counting one more attempt;
     * an outcome of a delivery no longer pending (delivered or dead meanwhile) changes nothing.
     */
    void record(List<DeliveryOutcome> outcomes);

    /**
     * Sends a dead or delivered PUSH event again: PENDING, no attempts, due now, and a new retry
     * window from now. False when there is no such PUSH event (or it is still pending).
     */
    boolean redeliver(String eventId);

    /** {@link #redeliver(String)} for an event of application {@code subAppId} only. */
    boolean redeliver(long subAppId, String eventId);

    /** Redelivers every dead PUSH event, of one application or (empty) of all; returns how many. */
    int redeliverDead(Optional<Long> subAppId);

    /**
     * Events and their deliveries, newest first: all, or those in {@code state}, or of one FileId.
     *
     * @throws IllegalArgumentException when {@code state} is not one of {@link #STATES}
     */
    List<DeliveryRecord> list(Optional<String> state, Optional<String> fileId, int limit);

    /** One event's delivery. */
    Optional<DeliveryRecord> find(String eventId);
}
