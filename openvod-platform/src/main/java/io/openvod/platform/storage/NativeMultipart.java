package io.openvod.platform.storage;

import java.io.InputStream;
import java.util.List;

/**
 * An optional capability of an {@link ObjectStore}: the store's own multipart upload (S3's). Parts
 * go straight to the store, and completing the upload makes the store assemble the object itself,
 * atomically, under the key the upload began with: no part is written anywhere else or copied
 * again. The store's rules apply: part numbers are 1..10,000; uploading a part number again
 * replaces that part; every part of the completed object but the last must hold at least
 * {@link #MIN_PART_SIZE} bytes; the parts of an upload in progress cannot be read.
 *
 * <p>Upload ids are the store's. Failures are {@link StorageException}s: an upload the store no
 * longer has (aborted, completed, or cleaned up by the store) is {@link StorageError#MULTIPART_UPLOAD_NOT_FOUND};
 * parts the store refuses to complete with are {@link StorageError#PARTS_REJECTED}.
 */
public interface NativeMultipart {
    /** The smallest part other than the last that the store accepts in a completed object: 5 MiB. */
    long MIN_PART_SIZE = 5L << 20;

    /** Starts a multipart upload of object {@code key}; returns the store's upload id. */
    String begin(String key);

    /**
     * Stores exactly {@code length} bytes of {@code data} as part {@code partNumber}, with the MD5
     * of the bytes computed on the way. As {@link ObjectStore#put}: when {@code data} ends early or
     * fails, this is {@link StorageError#BODY_INCOMPLETE} and the part the number held before stays.
     */
    StoredPart uploadPart(String key, String uploadId, int partNumber, InputStream data, long length);

    /** Copies the whole object {@code sourceKey} in as part {@code partNumber}, inside the store. */
    PartEtag copyPart(String key, String uploadId, int partNumber, String sourceKey);

    /**
     * Makes object {@code key} the concatenation of {@code parts} (ascending part numbers, each
     * with the ETag the store gave it) and ends the upload. Completing an upload that was already
     * completed with the same parts answers the object again.
     */
    ObjectInfo complete(String key, String uploadId, List<PartEtag> parts);

    /** Ends the upload and drops its parts; an upload the store no longer has is not an error. */
    void abort(String key, String uploadId);

    /** A part of a native upload as the store knows it: its number and the store's ETag for it. */
    record PartEtag(int partNumber, String etag) {
    }

    /**
     * A part just stored by {@link #uploadPart}.
     *
     * @param md5Hex the lower-case hex MD5 of its bytes (a COS part's ETag without the quotes)
     * @param etag the store's ETag of the part, which {@link #complete} needs
     */
    record StoredPart(int partNumber, long size, String md5Hex, String etag) {
        public PartEtag tag() {
            return new PartEtag(partNumber, etag);
        }
    }
}
