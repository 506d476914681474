package io.openvod.platform.storage;

import io.openvod.core.OpenVodException;

/** An {@link ObjectStore} failure with its {@link StorageError}. */
public final class StorageException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    public StorageException(StorageError error, String message) {
        super(error, message);
    }

    public StorageException(StorageError error, String message, Throwable cause) {
        super(error, message, cause);
    }

    public StorageError error() {
        return (StorageError) errorCode();
    }
}
