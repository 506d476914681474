package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.testing.NodeDatabases;
import io.openvod.platform.testing.TestClock;
import io.openvod.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The {@link EventConfigs} contract, on SQLite and PostgreSQL. */
class EventConfigsContractTest {
    private static final EventConfig DEFAULTS = new EventConfig(0, "PUSH", "https://hooks.example.com/vod", "ON", "ON", "OFF");

    @TempDir
    Path dir;
    NodeDatabases databases;

    EventConfigs open(TestDatabase engine) {
        databases = NodeDatabases.open(engine, dir);
        return new SqlEventConfigs(databases.node().jdbi(), DEFAULTS, TestClock.atNow());
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anApplicationNeverConfiguredHasTheDefaultsUnderItsOwnId(TestDatabase engine) {
        EventConfigs configs = open(engine);
        assertThat(configs.get(201)).isEqualTo(new EventConfig(201, "PUSH", "https://hooks.example.com/vod", "ON", "ON", "OFF"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storedSettingsReplaceTheDefaultsAndEachOtherForThatApplicationOnly(TestDatabase engine) {
        EventConfigs configs = open(engine);
        EventConfig pull = new EventConfig(202, "PULL", "", "OFF", "ON", "ON");
        configs.put(pull);
        assertThat(configs.get(202)).isEqualTo(pull);
        EventConfig push = new EventConfig(202, "PUSH", "https://app.example.com/cb", "ON", "OFF", "OFF");
        configs.put(push);
        assertThat(configs.get(202)).isEqualTo(push);
        assertThat(configs.get(203).mode()).isEqualTo("PUSH");
        assertThat(configs.get(203).notificationUrl()).isEqualTo(DEFAULTS.notificationUrl());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storedSettingsAreListedAndRemovedSettingsGiveWayToTheDefaults(TestDatabase engine) {
        EventConfigs configs = open(engine);
        assertThat(configs.stored()).isEmpty();
        EventConfig push = new EventConfig(206, "PUSH", "http://127.0.0.1:8081/api/v1/vod/events/t", "ON", "ON", "OFF");
        EventConfig pull = new EventConfig(205, "PULL", "", "ON", "OFF", "OFF");
        configs.put(push);
        configs.put(pull);
        assertThat(configs.stored()).containsExactly(pull, push);

        assertThat(configs.remove(206)).isTrue();
        assertThat(configs.remove(206)).as("nothing stored any more").isFalse();
        assertThat(configs.remove(207)).isFalse();
        assertThat(configs.get(206)).isEqualTo(DEFAULTS.forApp(206));
        assertThat(configs.stored()).containsExactly(pull);
        EventConfigs other = new SqlEventConfigs(databases.anotherNode().jdbi(), DEFAULTS, TestClock.atNow());
        assertThat(other.get(206).notificationUrl()).as("on every node").isEqualTo(DEFAULTS.notificationUrl());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void settingsPutThroughOneNodeAreInForceOnAnother(TestDatabase engine) {
        EventConfigs configs = open(engine);
        EventConfigs other = new SqlEventConfigs(databases.anotherNode().jdbi(), DEFAULTS, TestClock.atNow());
        configs.put(new EventConfig(204, "PULL", "", "ON", "ON", "ON"));
        assertThat(other.get(204).routeFor("NewFileUpload")).isEqualTo(DeliveryRoute.PULL);
    }
}
