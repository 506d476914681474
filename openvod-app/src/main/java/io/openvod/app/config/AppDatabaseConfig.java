package io.openvod.app.config;

/**
 * {@code app.database:} — the app's own database.
 *
 * @param url a JDBC URL of SQLite or PostgreSQL. Defaults to {@code jdbc:sqlite:.openvod/app.db} (relative to the working directory).
 */
public record AppDatabaseConfig(String url) {
    public AppDatabaseConfig {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("url '" + url + "' is not a JDBC URL");
        }
        if (!url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("url: SQLite (jdbc:sqlite:...) or PostgreSQL (jdbc:postgresql://...) expected");
        }
    }
}
