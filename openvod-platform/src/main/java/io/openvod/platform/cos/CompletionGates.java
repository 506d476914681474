package io.openvod.platform.cos;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs the Completes of one multipart upload one at a time, so that concurrent Completes (a client
 * retrying while its first request still runs) never assemble the same object twice at once; the
 * later ones then find the upload completed and answer its result. Each upload id has a lock only
 * while some request holds or waits for it.
 */
final class CompletionGates {
    private final ConcurrentHashMap<String, Gate> gates = new ConcurrentHashMap<>();

    /** Runs {@code work} while no other Complete of {@code uploadId} runs. */
    <T> T exclusive(String uploadId, Supplier<T> work) {
        Gate gate = gates.compute(uploadId, (id, g) -> {
            Gate held = g == null ? new Gate() : g;
            held.users++;
            return held;
        });
        gate.lock.lock();
        try {
            return work.get();
        } finally {
            gate.lock.unlock();
            gates.compute(uploadId, (id, g) -> --g.users == 0 ? null : g);
        }
    }

    /** A lock and the number of requests holding or awaiting it (changed only inside {@code compute}). */
    private static final class Gate {
        private final ReentrantLock lock = new ReentrantLock();
        private int users;
    }
}
