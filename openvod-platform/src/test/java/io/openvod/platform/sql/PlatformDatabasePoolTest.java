package io.openvod.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.openvod.core.Secret;
import io.openvod.testing.TestDatabase;
import io.openvod.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code platform.databaseUsername}, {@code databasePassword} and {@code databasePoolSize}. */
class PlatformDatabasePoolTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theChosenPoolSizeIsThePoolsLimitAndZeroTheEnginesDefault(TestDatabase engine) {
        try (PlatformDatabase chosen = PlatformDatabase.open(engine.newUrl(dir), Optional.empty(), Optional.empty(), 3);
             PlatformDatabase fallback = PlatformDatabase.open(engine.newUrl(dir), Optional.empty(), Optional.empty(), 0)) {
            assertThat(((HikariDataSource) chosen.dataSource()).getMaximumPoolSize()).isEqualTo(3);
            assertThat(((HikariDataSource) fallback.dataSource()).getMaximumPoolSize()).isEqualTo(engine == TestDatabase.SQLITE ? 4 : 10);
            int keys = chosen.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM api_keys").mapTo(Integer.class).one());
            assertThat(keys).isZero();
        }
    }

    @Test
    void theUserComesFromItsOwnSettingWhenTheUrlNamesNone() {
        String url = TestPostgres.newDatabaseUrl();
        String withoutUser = url.substring(0, url.indexOf('?'));
        try (PlatformDatabase database = PlatformDatabase.open(withoutUser, Optional.of("postgres"),
                Optional.of(Secret.of("not-checked-by-trust-auth")), 2)) {
            String user = database.jdbi().withHandle(h -> h.createQuery("SELECT current_user").mapTo(String.class).one());
            assertThat(user).isEqualTo("postgres");
        }
    }
}
