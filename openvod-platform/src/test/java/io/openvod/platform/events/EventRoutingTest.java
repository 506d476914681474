package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Uploads;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each event gets its delivery row in the commit's transaction, routed by the application's settings. */
class EventRoutingTest {
    private static final long APP = PlatformFixture.APP_ID;

    @TempDir
    static Path dir;
    static PlatformFixture platform;

    @BeforeAll
    static void start() {
        platform = PlatformFixture.start(dir.resolve("platform"));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void theDefaultsDeliverNothingWithoutAUrl() {
        assertThat(delivery(upload())).containsEntry("channel", "NONE").containsEntry("state", "DELIVERED");
    }

    @Test
    void pushWithAUrlAndPullAreQueuedAndASwitchTurnsEventsOff() {
        platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", "https://app.example.com/hook", "ON", "ON", "OFF"));
        assertThat(delivery(upload())).containsEntry("channel", "PUSH").containsEntry("state", "PENDING")
                .containsEntry("target_url", "https://app.example.com/hook");
        platform.node().eventConfigs().put(new EventConfig(APP, "PULL", "", "ON", "ON", "OFF"));
        assertThat(delivery(upload())).containsEntry("channel", "PULL").containsEntry("state", "PENDING");
        platform.node().eventConfigs().put(new EventConfig(APP, "PULL", "", "OFF", "ON", "OFF"));
        assertThat(delivery(upload())).containsEntry("channel", "NONE");
        assertThat(platform.node().eventConfigs().get(APP).mode()).isEqualTo("PULL");
        platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", "", "ON", "ON", "OFF"));
    }

    private static String upload() {
        return Uploads.uploadSmall(platform, new byte[] {1, 2, 3}, b -> b).get("fileId").asText();
    }

    private static Map<String, Object> delivery(String fileId) {
        return platform.database().jdbi().withHandle(h -> h.createQuery("SELECT d.channel, d.state, d.target_url "
                        + "FROM event_deliveries d JOIN event_outbox o ON o.event_id = d.event_id WHERE o.file_id = :f")
                .bind("f", fileId).mapToMap().one());
    }
}
