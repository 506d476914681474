package io.openvod.core.trace;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Says yes at most once a minute, so a warning that repeats fills no log. */
final class OncePerMinute {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private final AtomicLong nextAt = new AtomicLong(System.nanoTime());

    /** True once now, then false until a minute has passed. */
    boolean due() {
        long now = System.nanoTime();
        long next = nextAt.get();
        return now - next >= 0 && nextAt.compareAndSet(next, now + MINUTE);
    }
}
