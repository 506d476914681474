package io.openvod.platform.storage;

import io.openvod.core.ErrorCode;
import io.openvod.core.ErrorKind;

/** Why an {@link ObjectStore} operation failed. */
public enum StorageError implements ErrorCode {
    INVALID_OBJECT_KEY(ErrorKind.INVALID_INPUT, "the object key is empty, too long, or has a character or segment that is not allowed"),
    OBJECT_NOT_FOUND(ErrorKind.NOT_FOUND, "no object is stored under the key"),
    BODY_INCOMPLETE(ErrorKind.INVALID_INPUT, "the data ended before the announced length; nothing was stored"),
    INVALID_RANGE(ErrorKind.INVALID_INPUT, "the requested byte range is negative or reaches past the end of the object"),
    MULTIPART_UPLOAD_NOT_FOUND(ErrorKind.NOT_FOUND, "the store has no multipart upload of that id: it was aborted, completed, or cleaned up"),
    PARTS_REJECTED(ErrorKind.INVALID_INPUT, "the store refused to complete a multipart upload with these parts: one is missing, "
            + "is not the one uploaded, or is too small"),
    KEY_CONFLICT(ErrorKind.CONFLICT, "a file-backed store cannot keep an object at a key that is also the folder of other objects"),
    STORAGE_FAILED(ErrorKind.UNAVAILABLE, "the object store could not read or write; nothing partial was kept");

    private final ErrorKind kind;
    private final String summary;

    StorageError(ErrorKind kind, String summary) {
        this.kind = kind;
        this.summary = summary;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }

    @Override
    public String summary() {
        return summary;
    }
}
