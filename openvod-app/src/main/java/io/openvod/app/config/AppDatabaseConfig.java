package io.openvod.app.config;

import io.openvod.core.Secret;
import java.util.Optional;

/**
 * {@code app.database:} — the app's own database.
 *
 * @param url a JDBC URL: SQLite ({@code jdbc:sqlite:…}) or PostgreSQL ({@code jdbc:postgresql://host:port/db},
 *     which several app nodes may share). Defaults to {@code jdbc:sqlite:.openvod/app.db} (relative
 *     to the working directory).
 * @param username the database user (PostgreSQL); empty: none, or the one the URL names. Defaults to empty.
 * @param password the database user's password (PostgreSQL), printed and logged as {@code ****};
 *     null: none. Defaults to null.
 * @param poolSize the most connections this node keeps open: {@value #MIN_POOL_SIZE}..{@value #MAX_POOL_SIZE},
 *     or 0 for the engine's default (4 for a SQLite file, 10 for PostgreSQL). The signature ledger's
 *     writer keeps one of them. With several nodes on one PostgreSQL, the server's
 *     {@code max_connections} must cover the nodes times this. Defaults to 0.
 */
public record AppDatabaseConfig(String url, String username, Secret password, int poolSize) {
    public static final int MIN_POOL_SIZE = 2;
    public static final int MAX_POOL_SIZE = 200;

    public AppDatabaseConfig {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("url '" + url + "' is not a JDBC URL");
        }
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url: only SQLite (jdbc:sqlite:...) and PostgreSQL (jdbc:postgresql:...) are supported");
        }
        username = username == null ? "" : username;
        if (poolSize != 0 && (poolSize < MIN_POOL_SIZE || poolSize > MAX_POOL_SIZE)) {
            throw new IllegalArgumentException("poolSize " + poolSize + " is neither 0 (the engine's default) nor within "
                    + MIN_POOL_SIZE + ".." + MAX_POOL_SIZE);
        }
    }

    /** The database at {@code url} without credentials, with the engine's default pool size. */
    public AppDatabaseConfig(String url) {
        this(url, "", null, 0);
    }

    /** The user to connect as, when one is set. */
    public Optional<String> user() {
        return Optional.of(username).filter(u -> !u.isEmpty());
    }

    /** The password to connect with, when one is set. */
    public Optional<Secret> secret() {
        return Optional.ofNullable(password);
    }
}
