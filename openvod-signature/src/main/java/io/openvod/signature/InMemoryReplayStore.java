package io.openvod.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReplayStore} in memory: correct within one process, forgotten on restart. Entries are
 * purged once their signature has expired.
 */
public final class InMemoryReplayStore implements ReplayStore {
    private static final int PURGE_EVERY = 1024;

    private final Map<String, Instant> used = new ConcurrentHashMap<>();
    private final Clock clock;
    private int untilPurge = PURGE_EVERY;

    public InMemoryReplayStore() {
        this(Clock.systemUTC());
    }

    public InMemoryReplayStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean markFirstUse(String useKey, Instant keepUntil) {
        purgeNowAndThen();
        return used.putIfAbsent(useKey, keepUntil) == null;
    }

    /** Number of remembered signatures (expired ones may linger until the next purge). */
    public int size() {
        return used.size();
    }

    private synchronized void purgeNowAndThen() {
        if (--untilPurge > 0) {
            return;
        }
        untilPurge = PURGE_EVERY;
        Instant now = clock.instant();
        for (Iterator<Instant> it = used.values().iterator(); it.hasNext();) {
            if (it.next().isBefore(now)) {
                it.remove();
            }
        }
    }
}
