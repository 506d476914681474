package io.openvod.platform.storage;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the platform keeps object bytes: uploaded parts, finished media, covers. Keys are
 * {@link ObjectKeys valid object keys}; an adapter maps them to its own namespace safely.
 *
 * <p>Every write is atomic: a reader sees the old object or the whole new one, never a part, and
 * a failed write (stream ended early, I/O error) leaves nothing behind. Bodies are streamed; no
 * adapter holds a whole object in memory. Failures are {@link StorageException}s carrying a
 * {@link StorageError}.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Stores exactly {@code length} bytes read from {@code data} under {@code key}, replacing any
     * object there, and returns what was stored with the MD5 of the bytes computed on the way.
     * Reads no more than {@code length} bytes; fails with {@link StorageError#BODY_INCOMPLETE}
     * when the stream ends before (or fails), and stores nothing then: any previous object under
     * {@code key} stays. The caller closes {@code data}.
     */
    StoredObject put(String key, InputStream data, long length);

    /** Size and time of {@code key}, or empty when there is no such object. */
    Optional<ObjectInfo> stat(String key);

    /**
     * Opens {@code length} bytes of {@code key} starting at {@code offset} (a range within the
     * object; {@code offset == size} with {@code length == 0} is the empty range at the end). The
     * caller closes the stream.
     *
     * @throws StorageException {@link StorageError#OBJECT_NOT_FOUND} when there is no such object;
     *     {@link StorageError#INVALID_RANGE} when the range is negative or reaches past the end
     */
    InputStream read(String key, long offset, long length);

    /**
     * Writes the concatenation of {@code sources}, in order, to {@code target}, atomically; the
     * sources stay. Used to assemble a multipart upload. No sources write an empty object; the
     * target may be one of the sources.
     *
     * @throws StorageException {@link StorageError#OBJECT_NOT_FOUND} when a source is missing
     *     (checked before anything is written)
     */
    ObjectInfo compose(String target, List<String> sources);

    /** Removes {@code key}; true if it existed. */
    boolean delete(String key);

    /**
     * The keys that start with {@code prefix}, sorted. The prefix is any start of a key
     * ({@code ""} for all, {@code "uploads/"}, {@code "uploads/ab"}); one with a character no key
     * may contain is {@link StorageError#INVALID_OBJECT_KEY}.
     */
    List<String> list(String prefix);

    /**
     * The local file that holds {@code key}, when the adapter keeps objects as files (so FFmpeg
     * can read them in place); empty for remote stores and for missing objects.
     */
    default Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    /** The capability to assemble objects in place, when the store has it (a local disk does; S3 does not). */
    default Optional<RangeAssembly> rangeAssembly() {
        return Optional.empty();
    }

    /** The store's own multipart upload, when it has one (S3 does; a local disk does not). */
    default Optional<NativeMultipart> nativeMultipart() {
        return Optional.empty();
    }

    /**
     * Checks cheaply that the store can serve now, for readiness probes: by default a {@link #stat}
     * of a key that need not exist; a local disk writes and removes a probe file; S3 asks for the
     * bucket (HeadBucket). Never writes an object.
     *
     * @throws StorageException {@link StorageError#STORAGE_FAILED} when it cannot, with a message free of credentials
     */
    default void checkAvailable() {
        stat("health/probe");
    }

    /** Where the objects live, for logs and {@code openvod platform}'s banner (no secrets). */
    String describe();

    @Override
    default void close() {
    }
}
