package io.openvod.app.config;

/**
 * {@code app.rateLimit:} — signature and sign-in requests allowed per minute (token buckets with a
 * burst of the same size). 0 disables a limit. The limits are per node: each app node keeps its
 * own buckets in memory, so behind a load balancer over N nodes a client may get up to N times
 * these rates (the daily quotas of {@code app.policy} are exact across nodes).
 *
 * @param perUserPerMinute per authenticated user. Defaults to 60.
 * @param perIpPerMinute per client address, checked before authentication. Defaults to 120.
 */
public record RateLimitConfig(int perUserPerMinute, int perIpPerMinute) {
    public RateLimitConfig {
        if (perUserPerMinute < 0 || perIpPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be >= 0");
        }
    }
}
