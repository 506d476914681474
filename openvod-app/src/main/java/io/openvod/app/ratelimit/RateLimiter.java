package io.openvod.app.ratelimit;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a user id, a client address): each holds up to {@code perMinute} tokens
 * and refills at {@code perMinute} per minute. In memory; buckets idle for long are forgotten.
 *
 * <p>The buckets are this process's own: with several app nodes behind a load balancer each node
 * counts what it serves, so a client spread over N nodes may get up to N times the rate. That is
 * a deliberate per-node approximation (the limits guard each node's capacity); what must hold for
 * all nodes together — the daily quotas — is kept in the shared database by the signature ledger.
 */
public final class RateLimiter {
    private static final int SWEEP_EVERY = 4096;

    private final double capacity;
    private final double refillPerNano;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int untilSweep = SWEEP_EVERY;

    /** @param perMinute requests per minute; 0 means unlimited */
    public RateLimiter(int perMinute, Clock clock) {
        this.capacity = perMinute;
        this.refillPerNano = perMinute / 60e9;
        this.clock = clock;
    }

    /** Takes one token for {@code key}: empty when allowed, else the seconds until a token is back. */
    public OptionalLong acquire(String key) {
        if (capacity == 0) {
            return OptionalLong.empty();
        }
        long now = nanos();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * refillPerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return OptionalLong.empty();
            }
            double missingNanos = (1 - bucket.tokens) / refillPerNano;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(missingNanos / 1e9)));
        }
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private synchronized void sweep(long now) {
        if (--untilSweep > 0) {
            return;
        }
        untilSweep = SWEEP_EVERY;
        long fullAfterNanos = (long) (capacity / refillPerNano);
        buckets.values().removeIf(b -> now - b.updated > fullAfterNanos);
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
