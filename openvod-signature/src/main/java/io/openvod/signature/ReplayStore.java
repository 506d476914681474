package io.openvod.signature;

import java.time.Instant;

/**
 * Remembers which one-time signatures ({@code oneTimeValid=1}) were used. The platform provides a
 * durable implementation; {@link InMemoryReplayStore} serves tests and single-process tools.
 */
@FunctionalInterface
public interface ReplayStore {

    /**
     * Records the first use of {@code useKey}, atomically.
     *
     * @param useKey an opaque identifier of the signature (a hash; never the signature itself)
     * @param keepUntil when the record may be forgotten: the signature's expiry
     * @return true if this is the first use, false if the key was already recorded
     * @throws RuntimeException if the store cannot be reached; the verifier then rejects with
     *     {@link UploadRejection#REPLAY_CHECK_FAILED}
     */
    boolean markFirstUse(String useKey, Instant keepUntil);
}
