package io.openvod.client;

/**
 * Told how an upload advances: as bytes go out (every 64 KiB or so) and whenever a part is stored.
 *
 * <p>Called from any of the upload's threads, possibly from several at once, and often: an
 * implementation must be thread-safe and quick (throttle any drawing itself). An exception it
 * throws is ignored. {@code bytesDone} can step back when a part is sent again after a failure.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = progress -> { };

    void onProgress(UploadProgress progress);
}
