package io.openvod.app.ledger;

import java.time.Instant;
import java.util.List;

/** The record of issued signatures: the audit trail and the basis of the daily quotas. */
public interface SignatureLedger {

    /**
     * Atomically checks the user's usage since {@code windowStart} against {@code quota} and, if
     * this signature fits, records it. Two concurrent calls can never both pass a limit that only
     * one of them fits under.
     */
    Reservation recordWithinQuota(IssuedSignature signature, Quota quota, Instant windowStart);

    /** Usage of {@code userId} since {@code windowStart}. */
    Usage usageSince(String userId, Instant windowStart);

    /** The user's most recent signatures, newest first. */
    List<IssuedSignature> recent(String userId, int limit);
}
