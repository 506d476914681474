package io.openvod.app.config;

/**
 * {@code app.database:} — the app's own database.
 *
 * @param url a JDBC URL. Defaults to {@code jdbc:sqlite:.openvod/app.db} (relative to the working directory).
 */
public record AppDatabaseConfig(String url) {
    public AppDatabaseConfig {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("url '" + url + "' is not a JDBC URL");
        }
        if (!url.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("url: only SQLite (jdbc:sqlite:...) is supported so far");
        }
    }
}
