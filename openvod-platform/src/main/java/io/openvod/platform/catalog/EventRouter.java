package io.openvod.platform.catalog;

/**
 * Decides how each event written to the outbox will be delivered, and records that decision, in
 * the transaction that writes the event (the events area implements it). An implementation on
 * the same database joins that transaction: the catalog calls it on the thread that holds it.
 */
@FunctionalInterface
public interface EventRouter {

    /**
     * Routes {@code event}, committed at {@code now} (epoch milliseconds); a failure rolls the
     * event back with the change it reports.
     */
    void route(OutboxEvent event, long now);
}
