package io.openvod.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlatformDatabaseMigrationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyMigrationRunsOnEachEngine(TestDatabase engine) {
        try (PlatformDatabase database = PlatformDatabase.open(engine.newUrl(dir))) {
            List<String> versions = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT version FROM flyway_schema_history WHERE success = true AND version IS NOT NULL ORDER BY installed_rank")
                    .mapTo(String.class).list());
            assertThat(versions).first().isEqualTo("1");
            assertThat(versions).hasSizeGreaterThanOrEqualTo(10);
        }
    }
}
