package io.openvod.app.receipt;

/**
 * An event that is not for this app's VOD application: it names another one, or it came signed
 * and names none. Nothing is stored.
 */
public final class ForeignEventException extends Exception {
    public ForeignEventException(String message) {
        super(message);
    }
}
