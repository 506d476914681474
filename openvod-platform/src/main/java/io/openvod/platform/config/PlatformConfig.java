package io.openvod.platform.config;

import java.util.Objects;

/**
 * {@code platform:} — the VOD platform (openvod platform).
 *
 * @param http where it listens and the public URLs it hands out
 * @param database where keys, upload sessions, the catalog and the outbox live
 * @param storage where object bytes live
 * @param account the account (AppId) that the top-level {@code keys:} belong to
 * @param cos the COS-compatible object API: its domain and region
 * @param upload limits and lifetimes of client uploads
 * @param media FFmpeg executables
 * @param events event notification: defaults per application, callbacks, pull
 * @param flows the task-flow workers
 * @param review content review: the engine and its thresholds
 */
public record PlatformConfig(PlatformHttpConfig http, String databaseUrl, StorageConfig storage, AccountConfig account,
                             CosConfig cos, UploadConfig upload, MediaToolsConfig media,
                             EventsConfig events, FlowsConfig flows, ReviewConfig review) {
    public PlatformConfig {
        Objects.requireNonNull(http, "http is required");
        Objects.requireNonNull(storage, "storage is required");
        Objects.requireNonNull(account, "account is required");
        Objects.requireNonNull(cos, "cos is required");
        Objects.requireNonNull(upload, "upload is required");
        Objects.requireNonNull(media, "media is required");
        Objects.requireNonNull(events, "events is required");
        Objects.requireNonNull(flows, "flows is required");
        Objects.requireNonNull(review, "review is required");
        if (databaseUrl == null || !databaseUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("databaseUrl must be a jdbc: URL");
        }
    }
}
