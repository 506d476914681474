package io.openvod.platform.catalog;

/** A write to existing media found it gone: deleted, or never of the caller's application. */
public final class MediaGoneException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MediaGoneException(String message) {
        super(message);
    }
}
