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

    /**
     * Whether one more signature declaring {@code fileSize} bytes fits in a window of which
     * {@code used} is used: {@link Reservation.Recorded} with the usage including it, else the limit
     * it would exceed (uploads checked first). Cannot overflow: with {@link #UNLIMITED} a size that
     * would take the window's bytes past {@link Long#MAX_VALUE} does not fit.
     *
     * @throws IllegalArgumentException when {@code fileSize} is negative
     */
    public Reservation admit(Usage used, long fileSize) {
        if (fileSize < 0) {
            throw new IllegalArgumentException("fileSize must be >= 0, not " + fileSize);
        }
        if (used.uploads() >= uploadsPerDay) {
            return new Reservation.UploadsExceeded(used, uploadsPerDay);
        }
        // used.bytes() >= 0 and bytesPerDay >= 0, so the subtraction cannot overflow.
        if (fileSize > bytesPerDay - used.bytes()) {
            return new Reservation.BytesExceeded(used, bytesPerDay);
        }
        return new Reservation.Recorded(new Usage(used.uploads() + 1, used.bytes() + fileSize));
    }
}
