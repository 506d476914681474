/**
 * PUSH delivery of events: a dispatcher that claims due deliveries from the
 * {@link io.openvod.platform.events.DeliveryLog}, POSTs each event to its application's callback
 * URL, signs it with the Standard Webhooks scheme, retries failures with backoff until the retry
 * window closes, and dead-letters what never got through (redelivered on request). Several nodes
 * may dispatch from one database: a claim is a lease that only one of them gets. Each attempt is a
 * trace step {@code push <EventType>} continuing the trace stored with the event, and the POST
 * carries its {@code traceparent}. A commit on this node that schedules a PUSH wakes the dispatcher
 * ({@link io.openvod.platform.events.DeliveryLog#afterPushScheduled}); a poll finds the rest.
 */
package io.openvod.platform.events.push;
