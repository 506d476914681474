package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A platform that starts on settings it would refuse to push to says which application and what to do. */
class RefusedCallbacksTest {
    /** Stored settings as given. */
    private record Stored(List<EventConfig> stored) implements EventConfigs {
        @Override
        public EventConfig get(long subAppId) {
            return stored.stream().filter(c -> c.subAppId() == subAppId).findFirst().orElseThrow();
        }

        @Override
        public void put(EventConfig config) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(long subAppId) {
            throw new UnsupportedOperationException();
        }
    }

    private static final List<EventConfig> SETTINGS = new ArrayList<>(List.of(
            new EventConfig(1500000001, "PUSH", "http://127.0.0.1:8081/api/v1/vod/events/abc", "ON", "ON", "OFF"),
            new EventConfig(1500000002, "PULL", "http://127.0.0.1:8081/api/v1/vod/events", "ON", "ON", "OFF"),
            new EventConfig(1500000003, "PUSH", "https://hooks.example.com/vod", "ON", "ON", "OFF"),
            new EventConfig(1500000004, "PUSH", "http://[::1]:9000/hook", "ON", "ON", "OFF"),
            new EventConfig(1500000005, "PUSH", "https://8.8.8.8/hook", "ON", "ON", "OFF")));

    @Test
    void loopbackPushTargetsAreNamedWhenLoopbackIsRefused() {
        List<String> lines = RefusedCallbacks.of(new Stored(SETTINGS), new CallbackUrlPolicy(false, false));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("application 1500000001 pushes its events to a callback URL this platform refuses (")
                .contains("loopback", "PENDING", "ModifyEventConfig", "platform.events.push.allowLoopback");
        assertThat(lines.get(1)).startsWith("application 1500000004 ");
        assertThat(String.join("\n", lines)).as("a pull application, a public address and a name (DNS is not asked)")
                .doesNotContain("1500000002", "1500000005", "1500000003");
    }

    @Test
    void nothingIsSaidWhenThePolicyAllowsThem() {
        assertThat(RefusedCallbacks.of(new Stored(SETTINGS), new CallbackUrlPolicy(true, false))).isEmpty();
    }
}
