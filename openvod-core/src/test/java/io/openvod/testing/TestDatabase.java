package io.openvod.testing;

import java.nio.file.Path;

/**
 * The SQL engines every store's contract test runs against: a SQLite file and a PostgreSQL
 * database ({@link TestPostgres}). Use as the source of a {@code @ParameterizedTest}
 * ({@code @EnumSource(TestDatabase.class)}).
 */
public enum TestDatabase {
    SQLITE {
        @Override
        public String newUrl(Path dir) {
            return "jdbc:sqlite:" + dir.resolve("test-" + System.nanoTime() + ".db").toAbsolutePath();
        }
    },
    POSTGRES {
        @Override
        public String newUrl(Path dir) {
            return TestPostgres.newDatabaseUrl();
        }
    };

    /** The JDBC URL of a new, empty database; SQLite's file lives in {@code dir}. */
    public abstract String newUrl(Path dir);
}
