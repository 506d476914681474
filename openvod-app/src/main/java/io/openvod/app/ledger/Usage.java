package io.openvod.app.ledger;

/** How much of a quota window a user has used: signatures issued and bytes declared. */
public record Usage(long uploads, long bytes) {
}
