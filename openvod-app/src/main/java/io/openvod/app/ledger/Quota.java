package io.openvod.app.ledger;

/**
 * A user's daily allowance. {@code 0} means none is allowed; {@link Long#MAX_VALUE} means no limit.
 *
 * @param uploadsPerDay signatures per UTC day
 * @param bytesPerDay declared bytes per UTC day
 */
public record Quota(long uploadsPerDay, long bytesPerDay) {
    public static final Quota UNLIMITED = new Quota(Long.MAX_VALUE, Long.MAX_VALUE);

    public Quota {
        if (uploadsPerDay < 0 || bytesPerDay < 0) {
            throw new IllegalArgumentException("quota values must be >= 0");
        }
    }
}
