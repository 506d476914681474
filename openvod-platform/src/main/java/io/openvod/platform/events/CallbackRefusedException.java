package io.openvod.platform.events;

/** A callback URL or address the {@link CallbackUrlPolicy} does not allow; the message says why. */
public final class CallbackRefusedException extends Exception {
    public CallbackRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
