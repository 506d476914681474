package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.Usage;
import java.time.Instant;

/** The quota rule for one row of a ledger batch. */
final class LedgerBatch {
    private LedgerBatch() {
    }

    /** A row to record, with the quota it must fit in the window starting at {@code windowStart}. */
    record Entry(IssuedSignature signature, Quota quota, Instant windowStart) {
        Entry {
            long size = signature.fileSize().orElse(0L);
            if (size < 0) {
                throw new IllegalArgumentException("fileSize must be >= 0, not " + size);
            }
        }
    }

    /** Whether the row fits, given what its window has used so far. */
    static Reservation decide(Entry e, Usage used) {
        long size = e.signature().fileSize().orElse(0L);
        if (used.uploads() >= e.quota().uploadsPerDay()) {
            return new Reservation.UploadsExceeded(used, e.quota().uploadsPerDay());
        }
        // used.bytes() >= 0 and bytesPerDay >= 0, so the subtraction cannot overflow.
        if (size > e.quota().bytesPerDay() - used.bytes()) {
            return new Reservation.BytesExceeded(used, e.quota().bytesPerDay());
        }
        return new Reservation.Recorded(new Usage(used.uploads() + 1, used.bytes() + size));
    }
}
