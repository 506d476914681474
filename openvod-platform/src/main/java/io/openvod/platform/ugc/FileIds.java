package io.openvod.platform.ugc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Tencent-style FileIds: 19-digit decimal strings (e.g. {@code 5285890784418605123}) that grow
 * with time. 5·10^18 plus (milliseconds since 2024-01-01 shifted left by 12 bits, plus a counter
 * within the millisecond); unique within a process. Another node may make the same value in the same
 * millisecond: {@link UploadSessions#reserveFileId} decides which node keeps it.
 */
public final class FileIds {
    private static final long BASE = 5_000_000_000_000_000_000L;
    private static final long EPOCH_MS = 1_704_067_200_000L;
    private final AtomicLong last = new AtomicLong();

    public String next(long nowMillis) {
        long candidate = (nowMillis - EPOCH_MS) << 12;
        long id = last.updateAndGet(previous -> Math.max(previous + 1, candidate));
        return Long.toString(BASE + id);
    }
}
