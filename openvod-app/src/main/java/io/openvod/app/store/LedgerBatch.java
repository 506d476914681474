package io.openvod.app.store;

import io.openvod.app.ledger.IssuedSignature;
import io.openvod.app.ledger.Quota;
import io.openvod.app.ledger.Reservation;
import io.openvod.app.ledger.Usage;
import java.time.Instant;

/** One row of a ledger batch, with the quota it must fit. */
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

    /** Whether the row fits, given what its window has used so far (the rule is the quota's: {@link Quota#admit}). */
    static Reservation decide(Entry e, Usage used) {
        return e.quota().admit(used, e.signature().fileSize().orElse(0L));
    }
}
