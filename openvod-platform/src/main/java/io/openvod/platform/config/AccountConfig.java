package io.openvod.platform.config;

/**
 * {@code platform.account:} — the account that the configured {@code keys:} belong to. More
 * accounts and keys are added with {@code openvod keys add}.
 *
 * @param appId the account's AppId (also the primary application's SubAppId and the COS appid
 *     of its bucket). Defaults to 1250000000.
 * @param name a label for listings
 */
public record AccountConfig(long appId, String name) {
    public AccountConfig {
        if (appId < 1 || appId > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("appId " + appId + " is outside 1..2147483647");
        }
        name = name == null || name.isBlank() ? "default" : name;
    }
}
