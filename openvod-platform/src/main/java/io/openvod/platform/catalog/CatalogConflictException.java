package io.openvod.platform.catalog;

/** A catalog write lost a race (e.g. the same upload committed twice at once). */
public final class CatalogConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CatalogConflictException(String message) {
        super(message);
    }
}
