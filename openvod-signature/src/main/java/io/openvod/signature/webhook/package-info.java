/**
 * Standard Webhooks signatures ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}): how the platform signs its callbacks and how a receiver checks them.
 */
package io.openvod.signature.webhook;
