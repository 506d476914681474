package io.openvod.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7: 48 bits of Unix milliseconds, then random bits).
 * They sort by time, so the audit trail's primary-key index grows at its right edge instead of at
 * random pages. They identify requests and events; they are not secrets.
 */
public final class TimeOrderedIds {
    private TimeOrderedIds() {
    }

    public static String next() {
        return next(System.currentTimeMillis());
    }

    public static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (epochMillis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
