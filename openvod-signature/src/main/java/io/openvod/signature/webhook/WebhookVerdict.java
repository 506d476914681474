package io.openvod.signature.webhook;

/** The outcome of checking a Standard Webhooks signature. */
public enum WebhookVerdict {
    /** One of the signatures verifies with one of the keys, and the timestamp is within tolerance. */
    VALID,
    /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is missing or empty. */
    MISSING_HEADERS,
    /** {@code webhook-timestamp} is not a number of seconds. */
    BAD_TIMESTAMP,
    /** The timestamp is further from now than the tolerance (a replay, or a skewed clock). */
    TIMESTAMP_OUT_OF_TOLERANCE,
    /** No {@code v1} signature of the header verifies with any key. */
    NO_MATCHING_SIGNATURE
}
