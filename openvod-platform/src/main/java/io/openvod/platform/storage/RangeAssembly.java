package io.openvod.platform.storage;

import java.io.InputStream;

/**
 * An optional capability of an {@link ObjectStore}: building an object in place from ranges
 * written at their final offsets into a <em>draft</em>, then publishing the draft atomically.
 * A multipart upload whose part size is known writes each part straight to its place, so
 * completing it does not copy the parts again. Drafts live under ordinary keys, so
 * {@link ObjectStore#delete} and {@link ObjectStore#list} see them.
 */
public interface RangeAssembly {

    /**
     * Writes exactly {@code length} bytes of {@code data} at {@code offset} of the draft (made
     * empty when absent), flushed to the disk before returning, with their MD5. A stream that
     * ends early fails with {@link StorageError#BODY_INCOMPLETE}; that range of the draft is then
     * undefined (other ranges keep their bytes).
     */
    StoredObject writeRange(String draftKey, long offset, InputStream data, long length);

    /** Copies {@code length} bytes of object {@code sourceKey} from {@code sourceOffset} into the draft at {@code offset}. */
    void copyRange(String draftKey, long offset, String sourceKey, long sourceOffset, long length);

    /**
     * Publishes the first {@code size} bytes of the draft as object {@code target}, atomically
     * and durably; the draft is gone afterwards.
     */
    ObjectInfo publish(String draftKey, String target, long size);
}
