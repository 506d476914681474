package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.events.EventConfig;
import io.openvod.platform.testing.PlatformFixture;
import io.openvod.platform.testing.Tc3TestClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RedeliverEvents} on the API 3.0 endpoint: dead-lettered events are sent again, by id or all at once. */
class RedeliverEventsHttpTest {
    private static final long APP = PlatformFixture.APP_ID;

    @TempDir
    Path dir;

    @Test
    void deadEventsAreRedeliveredByIdOrAllAtOnceForTheCallersApplicationOnly() throws Exception {
        try (TestReceiver receiver = TestReceiver.start(n -> TestReceiver.Answer.status(503));
             PlatformFixture platform = PlatformFixture.start(dir, PushDeliveryHttpTest.events(Duration.ofSeconds(1),
                     Duration.ofMillis(500), 8, true, true))) {
            platform.node().eventConfigs().put(new EventConfig(APP, "PUSH", receiver.url(), "ON", "ON", "OFF"));
            String first = PushDeliveryHttpTest.upload(platform);
            String second = PushDeliveryHttpTest.upload(platform);
            String firstEvent = PushDeliveryHttpTest.awaitState(platform, first, "DEAD", Duration.ofSeconds(10)).eventId();
            PushDeliveryHttpTest.awaitState(platform, second, "DEAD", Duration.ofSeconds(10));
            receiver.answer(n -> TestReceiver.Answer.ok());
            Tc3TestClient api = new Tc3TestClient(platform.url(), Clock.systemUTC());

            Tc3TestClient.Answer byId = api.call("RedeliverEvents", "{\"EventIds\":[\"" + firstEvent + "\",\"no-such-event\"]}");
            assertThat(byId.status()).isEqualTo(200);
            assertThat(byId.response().get("RedeliveredCount").asInt()).as(byId.body().toString()).isEqualTo(1);
            assertThat(byId.response().get("NotRedeliveredEventIds").get(0).asText()).isEqualTo("no-such-event");
            PushDeliveryHttpTest.awaitState(platform, first, "DELIVERED", Duration.ofSeconds(5));
            assertThat(PushDeliveryHttpTest.delivery(platform, second).state()).isEqualTo("DEAD");

            Tc3TestClient.Answer all = api.call("RedeliverEvents", "{\"AllDead\":true}");
            assertThat(all.response().get("RedeliveredCount").asInt()).isEqualTo(1);
            PushDeliveryHttpTest.awaitState(platform, second, "DELIVERED", Duration.ofSeconds(5));

            assertThat(api.call("RedeliverEvents", "{\"EventIds\":[]}").errorCode()).isEqualTo("InvalidParameterValue.EventIds");
            assertThat(api.call("RedeliverEvents", "{}").errorCode()).isEqualTo("MissingParameter");
            assertThat(api.call("RedeliverEvents", "{\"AllDead\":\"yes\"}").errorCode()).isEqualTo("InvalidParameter");
            assertThat(api.call("RedeliverEvents", "{\"AllDead\":true,\"SubAppId\":42}").errorCode())
                    .isEqualTo("InvalidParameterValue.SubAppId");
        }
    }
}
