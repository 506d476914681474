package io.openvod.platform.events;

import java.util.Objects;
import java.util.Optional;

/**
 * How one POST of a claimed PUSH delivery ended, to be recorded in the {@link DeliveryLog}: the
 * delivery's new state ({@code DELIVERED}, {@code PENDING} for a retry, {@code DEAD}), the error
 * of a failed attempt, and a time — when it was delivered, when it is due again, or when it died.
 */
public record DeliveryOutcome(PushDelivery delivery, String state, Optional<String> error, long at) {
    public DeliveryOutcome {
        Objects.requireNonNull(delivery, "delivery == null");
        Objects.requireNonNull(error, "error == null");
        if (!state.equals("DELIVERED") && !state.equals("PENDING") && !state.equals("DEAD")) {
            throw new IllegalArgumentException("an outcome is DELIVERED, PENDING or DEAD, not " + state);
        }
    }

    /** The receiver accepted the POST at {@code at}. */
    public static DeliveryOutcome delivered(PushDelivery d, long at) {
        return new DeliveryOutcome(d, "DELIVERED", Optional.empty(), at);
    }

    /** The POST failed with {@code error}; the delivery is due again at {@code nextAttemptAt}. */
    public static DeliveryOutcome retry(PushDelivery d, String error, long nextAttemptAt) {
        return new DeliveryOutcome(d, "PENDING", Optional.of(error), nextAttemptAt);
    }

    /** The last POST failed with {@code error} at {@code at}: a dead letter. */
    public static DeliveryOutcome dead(PushDelivery d, String error, long at) {
        return new DeliveryOutcome(d, "DEAD", Optional.of(error), at);
    }
}
