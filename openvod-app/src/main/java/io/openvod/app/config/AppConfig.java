package io.openvod.app.config;

import io.openvod.app.policy.PolicyConfig;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code app:} — the app backend (signature distribution and event notification receipt services).
 *
 * @param http where it listens
 * @param database where accounts, tokens and the signature audit trail live
 * @param vod the VOD keys that sign
 * @param auth which credentials are accepted
 * @param policy who may sign what
 * @param rateLimit request rates
 * @param receipt the event notification receipt service
 * @param web the upload page served at {@code /}
 */
public record AppConfig(AppHttpConfig http, AppDatabaseConfig database, VodConfig vod, AuthConfig auth,
                        PolicyConfig policy, RateLimitConfig rateLimit, ReceiptConfig receipt, WebConfig web) {
    public AppConfig {
        Objects.requireNonNull(http, "http is required");
        Objects.requireNonNull(database, "database is required");
        Objects.requireNonNull(vod, "vod is required");
        Objects.requireNonNull(auth, "auth is required");
        Objects.requireNonNull(policy, "policy is required");
        Objects.requireNonNull(rateLimit, "rateLimit is required");
        receipt = receipt == null ? ReceiptConfig.defaults() : receipt;
        web = web == null ? WebConfig.defaults() : web;
        if (!receipt.webhookSecrets().isEmpty() && receipt.subAppId() == 0 && vod.subAppId() == 0) {
            throw new IllegalArgumentException("receipt.subAppId is required with receipt.webhookSecrets (or set vod.subAppId): "
                    + "the VOD application whose signed events this receiver takes");
        }
    }

    /**
     * The VOD application whose events the receipt service takes: {@code receipt.subAppId}, else
     * {@code vod.subAppId}; empty when neither is set.
     */
    public OptionalLong receiptApplication() {
        long own = receipt.subAppId() != 0 ? receipt.subAppId() : vod.subAppId();
        return own == 0 ? OptionalLong.empty() : OptionalLong.of(own);
    }

    /** A configuration with the page's defaults. */
    public AppConfig(AppHttpConfig http, AppDatabaseConfig database, VodConfig vod, AuthConfig auth,
                     PolicyConfig policy, RateLimitConfig rateLimit, ReceiptConfig receipt) {
        this(http, database, vod, auth, policy, rateLimit, receipt, null);
    }

    /** The same configuration with another {@code web} section. */
    public AppConfig withWeb(WebConfig otherWeb) {
        return new AppConfig(http, database, vod, auth, policy, rateLimit, receipt, otherWeb);
    }
}
