package io.openvod.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code app.database.poolSize}: the most connections a node keeps, or the engine's default. */
class AppDatabasePoolTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theChosenPoolSizeIsThePoolsLimit(TestDatabase engine) {
        try (AppDatabase db = AppDatabase.open(engine.newUrl(dir), Optional.empty(), Optional.empty(), 3)) {
            assertThat(((HikariDataSource) db.dataSource()).getMaximumPoolSize()).isEqualTo(3);
            assertThat(new SqlAccountStore(db.jdbi()).list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void zeroGivesTheEnginesDefault(TestDatabase engine) {
        try (AppDatabase db = AppDatabase.open(engine.newUrl(dir), Optional.empty(), Optional.empty(), 0)) {
            assertThat(((HikariDataSource) db.dataSource()).getMaximumPoolSize()).isEqualTo(engine == TestDatabase.SQLITE ? 4 : 10);
        }
    }

    @Test
    void anInMemoryDatabaseKeepsItsOneConnection() {
        try (AppDatabase db = AppDatabase.open("jdbc:sqlite::memory:", Optional.empty(), Optional.empty(), 8)) {
            assertThat(((HikariDataSource) db.dataSource()).getMaximumPoolSize()).isEqualTo(1);
        }
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> AppDatabase.open("jdbc:sqlite::memory:", Optional.empty(), Optional.empty(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolSize");
    }
}
