package io.openvod.app.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The record of issued signatures: the audit trail and the basis of the daily quotas. */
public interface SignatureLedger {

    /**
     * Atomically checks the user's usage since {@code windowStart} against {@code quota} and, if
     * this signature fits, records it. Two concurrent calls can never both pass a limit that only
     * one of them fits under.
     */
    Reservation recordWithinQuota(IssuedSignature signature, Quota quota, Instant windowStart);

    /**
     * {@link #recordWithinQuota} without blocking the caller: the future completes once the row is
     * committed or refused. The default runs the blocking call.
     */
    default CompletableFuture<Reservation> recordWithinQuotaAsync(IssuedSignature signature, Quota quota, Instant windowStart) {
        try {
            return CompletableFuture.completedFuture(recordWithinQuota(signature, quota, windowStart));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Usage of {@code userId} since {@code windowStart}. */
    Usage usageSince(String userId, Instant windowStart);

    /** The user's most recent signatures, newest first. */
    List<IssuedSignature> recent(String userId, int limit);

    /** The signature whose request began the trace {@code traceId}, if it is recorded. */
    Optional<IssuedSignature> ofTrace(String traceId);
}
