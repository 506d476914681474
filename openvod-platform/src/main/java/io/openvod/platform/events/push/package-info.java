/**
 * PUSH delivery of events: a dispatcher that POSTs each due event to its application's callback
 * URL, signs it with the Standard Webhooks scheme, retries failures with backoff until the retry
 * window closes, and dead-letters what never got through (redelivered on request).
 */
package io.openvod.platform.events.push;
