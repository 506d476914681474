package io.openvod.client;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the video's bytes and parts and tells the {@link ProgressListener}, shielding the upload from its failures. */
final class ProgressCounter {
    private final ProgressListener listener;
    private final long bytesTotal;
    private final int partsTotal;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger parts = new AtomicInteger();

    ProgressCounter(ProgressListener listener, long bytesTotal, int partsTotal) {
        this.listener = listener;
        this.bytesTotal = bytesTotal;
        this.partsTotal = partsTotal;
    }

    void bytes(long delta) {
        bytes.addAndGet(delta);
        tell();
    }

    void partDone() {
        parts.incrementAndGet();
        tell();
    }

    /** A part stored by an earlier run: its bytes and the part at once. */
    void partResumed(long size) {
        partsResumed(1, size);
    }

    /** The parts an earlier run stored, told once, before any other part is sent; nothing when there are none. */
    void partsResumed(int count, long size) {
        if (count == 0) {
            return;
        }
        bytes.addAndGet(size);
        parts.addAndGet(count);
        tell();
    }

    private void tell() {
        try {
            listener.onProgress(new UploadProgress(Math.max(0, bytes.get()), bytesTotal, parts.get(), partsTotal));
        } catch (RuntimeException ignored) {
            // A listener's failure must not fail the upload.
        }
    }
}
