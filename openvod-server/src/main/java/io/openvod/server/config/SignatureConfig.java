package io.openvod.server.config;

import java.time.Duration;

/**
 * {@code signature:} — how client-upload signatures are checked.
 *
 * @param clockSkew how far in the future a signature's currentTimeStamp may be. Defaults to 5m.
 * @param maxValidity the longest validity window accepted; at most 90d. Defaults to 90d.
 * @param maxLength the longest signature accepted, in characters. Defaults to 32768.
 */
public record SignatureConfig(Duration clockSkew, Duration maxValidity, int maxLength) {
    public SignatureConfig {
        ConfigChecks.notNull("clockSkew", clockSkew);
        ConfigChecks.notNull("maxValidity", maxValidity);
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("clockSkew " + DurationText.format(clockSkew) + " is outside 0s..1h");
        }
        if (maxValidity.isNegative() || maxValidity.isZero() || maxValidity.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("maxValidity " + DurationText.format(maxValidity) + " is outside 1s..90d");
        }
        if (maxLength < 64 || maxLength > 1_048_576) {
            throw new IllegalArgumentException("maxLength " + maxLength + " is outside 64..1048576");
        }
    }
}
