package io.openvod.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.openvod.core.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AppDatabaseConfigTest {
    private static final String PASSWORD = "pg-password-1";

    @Test
    void sqliteAndPostgresqlUrlsAreTakenWithTheEnginesDefaultPool() {
        assertThat(new AppDatabaseConfig("jdbc:sqlite:.openvod/app.db").poolSize()).isZero();
        AppDatabaseConfig postgres = new AppDatabaseConfig("jdbc:postgresql://db:5432/app", "openvod", Secret.of(PASSWORD), 32);
        assertThat(postgres.user()).contains("openvod");
        assertThat(postgres.secret().orElseThrow().reveal()).isEqualTo(PASSWORD);
        assertThat(postgres.toString()).doesNotContain(PASSWORD);
        assertThat(new AppDatabaseConfig("jdbc:postgresql://db/app", null, null, 0).user()).isEmpty();
    }

    @Test
    void otherUrlsAreRefused() {
        assertThatThrownBy(() -> new AppDatabaseConfig("postgresql://db/app")).hasMessageContaining("not a JDBC URL");
        assertThatThrownBy(() -> new AppDatabaseConfig("jdbc:mysql://db/app")).hasMessageContaining("only SQLite");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 200})
    void poolSizesWithinTheRangeAreTaken(int size) {
        assertThat(new AppDatabaseConfig("jdbc:postgresql://db/app", "", null, size).poolSize()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, 201})
    void poolSizesOutsideTheRangeAreRefused(int size) {
        assertThatThrownBy(() -> new AppDatabaseConfig("jdbc:postgresql://db/app", "", null, size))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("poolSize " + size);
    }
}
