package io.openvod.platform.config;

import io.openvod.core.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code platform:} — the VOD platform (openvod platform).
 *
 * @param http where it listens and the public URLs it hands out
 * @param databaseUrl where keys, upload sessions, the catalog, the task flows and the outbox live: SQLite
 *     ({@code jdbc:sqlite:…}, one node) or PostgreSQL ({@code jdbc:postgresql://host:port/db}, which several
 *     nodes share)
 * @param databaseUsername the database user (PostgreSQL); empty: none, or the one the URL names
 * @param databasePassword the database user's password (PostgreSQL), printed and logged as {@code ****}; null: none
 * @param databasePoolSize the most connections this node keeps open: {@value #MIN_POOL_SIZE}..{@value #MAX_POOL_SIZE},
 *     or 0 for the engine's default (4 for a SQLite file, 10 for PostgreSQL)
 * @param storage where object bytes live
 * @param account the account (AppId) that the top-level {@code keys:} belong to
 * @param cos the COS-compatible object API: its domain and region
 * @param upload limits and lifetimes of client uploads
 * @param media FFmpeg executables
 * @param events event notification: defaults per application, callbacks, pull
 * @param flows the task-flow workers
 * @param review content review: the engine and its thresholds
 */
public record PlatformConfig(PlatformHttpConfig http, String databaseUrl, String databaseUsername, Secret databasePassword,
                             int databasePoolSize, StorageConfig storage, AccountConfig account,
                             CosConfig cos, UploadConfig upload, MediaToolsConfig media,
                             EventsConfig events, FlowsConfig flows, ReviewConfig review) {
    public static final int MIN_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 200;

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
        if (!databaseUrl.startsWith("jdbc:sqlite:") && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("databaseUrl: only SQLite (jdbc:sqlite:...) and PostgreSQL (jdbc:postgresql:...) are supported");
        }
        databaseUsername = databaseUsername == null ? "" : databaseUsername;
        if (databasePoolSize != 0 && (databasePoolSize < MIN_POOL_SIZE || databasePoolSize > MAX_POOL_SIZE)) {
            throw new IllegalArgumentException("databasePoolSize " + databasePoolSize + " is neither 0 (the engine's default) nor within "
                    + MIN_POOL_SIZE + ".." + MAX_POOL_SIZE);
        }
    }

    /** A platform on the database at {@code databaseUrl} without credentials, with the engine's default pool size. */
    public PlatformConfig(PlatformHttpConfig http, String databaseUrl, StorageConfig storage, AccountConfig account, CosConfig cos,
                          UploadConfig upload, MediaToolsConfig media, EventsConfig events, FlowsConfig flows, ReviewConfig review) {
        this(http, databaseUrl, "", null, 0, storage, account, cos, upload, media, events, flows, review);
    }

    /** The user to connect as, when one is set. */
    public Optional<String> databaseUser() {
        return Optional.of(databaseUsername).filter(u -> !u.isEmpty());
    }

    /** The password to connect with, when one is set. */
    public Optional<Secret> databaseSecret() {
        return Optional.ofNullable(databasePassword);
    }
}
