package io.openvod.app.receipt;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a received event stands in forwarding to the app's hook.
 *
 * @param state {@code NONE} (forwarding was not configured when it came), {@code PENDING} (to be sent,
 *     or retried at {@code nextAt}), {@code SENT} (the hook answered 2xx) or {@code DEAD} (given up
 *     after {@code app.receipt.forward.maxAttempts})
 * @param attempts the attempts made
 * @param nextAt when the next attempt is due, when one is
 */
public record ForwardStatus(String state, int attempts, Optional<Instant> nextAt) {
}
