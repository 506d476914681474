package io.openvod.app.ledger;

/** The answer of {@link SignatureLedger#recordWithinQuota}: recorded, or which limit it would exceed. */
public sealed interface Reservation {
    /** The signature is recorded; {@code usage} includes it. */
    record Recorded(Usage usage) implements Reservation {
    }

    /** Not recorded: the uploads-per-day limit is reached. */
    record UploadsExceeded(Usage usage, long limit) implements Reservation {
    }

    /** Not recorded: the declared bytes would exceed the bytes-per-day limit. */
    record BytesExceeded(Usage usage, long limit) implements Reservation {
    }
}
