package io.openvod.platform.config;

import java.time.Duration;

/**
 * {@code platform.upload:} — client uploads.
 *
 * @param credentialValidity how long the temporary COS credentials of ApplyUploadUGC last.
 *     Defaults to 1h (clients refresh them by applying again with the vodSessionKey).
 * @param sessionValidity how long an upload may stay uncommitted before it expires and its
 *     parts are removed. Defaults to 24h.
 * @param maxFileSize the largest media or cover file accepted, in bytes. Defaults to 50 GiB.
 * @param maxPartSize the largest single part or PUT body, in bytes. Defaults to 5 GiB.
 * @param cleanupInterval how often expired sessions and abandoned multipart uploads are swept.
 *     Defaults to 10m.
 * @param clockSkew tolerated clock difference for COS request times. Defaults to 15m.
 */
public record UploadConfig(Duration credentialValidity, Duration sessionValidity, long maxFileSize, long maxPartSize,
                           Duration cleanupInterval, Duration clockSkew) {
    public UploadConfig {
        requirePositive("credentialValidity", credentialValidity);
        requirePositive("sessionValidity", sessionValidity);
        requirePositive("cleanupInterval", cleanupInterval);
        if (clockSkew == null || clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must be 0s or more");
        }
        if (credentialValidity.compareTo(Duration.ofMinutes(5)) < 0 || credentialValidity.compareTo(Duration.ofHours(36)) > 0) {
            throw new IllegalArgumentException("credentialValidity must be within 5m..36h");
        }
        if (maxFileSize < 1 || maxPartSize < 1) {
            throw new IllegalArgumentException("maxFileSize and maxPartSize must be positive");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
