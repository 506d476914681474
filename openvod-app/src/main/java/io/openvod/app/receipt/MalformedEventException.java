package io.openvod.app.receipt;

/** A body that is not a VOD event: not JSON, or neither the v3 nor the v2 shape, or missing its ids. */
public final class MalformedEventException extends Exception {
    public MalformedEventException(String message) {
        super(message);
    }
}
