package io.openvod.app.store;

/**
 * Two app nodes on one database: each has its own {@link AppDatabase} (its own connection pool) on
 * the same URL, as two processes sharing a PostgreSQL database (or a SQLite file) would.
 */
final class AppNodes implements AutoCloseable {
    private final AppDatabase first;
    private final AppDatabase second;

    private AppNodes(AppDatabase first, AppDatabase second) {
        this.first = first;
        this.second = second;
    }

    static AppNodes open(String url) {
        AppDatabase first = AppDatabase.open(url);
        try {
            return new AppNodes(first, AppDatabase.open(url));
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
    }

    AppDatabase first() {
        return first;
    }

    AppDatabase second() {
        return second;
    }

    @Override
    public void close() {
        try {
            second.close();
        } finally {
            first.close();
        }
    }
}
