package io.openvod.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The route an application's settings give each event type ({@link EventConfig#routeFor}). */
class EventRoutesTest {

    @Test
    void pushModeWithAUrlPostsEveryEventWhoseSwitchIsOn() {
        EventConfig config = new EventConfig(1, "PUSH", "https://app.example.com/cb", "ON", "OFF", "ON");
        assertThat(config.routeFor("NewFileUpload")).isEqualTo(DeliveryRoute.push("https://app.example.com/cb"));
        assertThat(config.routeFor("ProcedureStateChanged").targetUrl()).contains("https://app.example.com/cb");
        assertThat(config.routeFor("FileDeleted")).isEqualTo(DeliveryRoute.NONE);
    }

    @Test
    void pushModeWithoutAUrlDeliversNothingAndPullModeQueues() {
        assertThat(new EventConfig(1, "PUSH", "", "ON", "ON", "ON").routeFor("NewFileUpload")).isEqualTo(DeliveryRoute.NONE);
        assertThat(new EventConfig(1, "PULL", "https://ignored.example.com", "ON", "ON", "ON").routeFor("FileDeleted"))
                .isEqualTo(DeliveryRoute.PULL);
    }

    @Test
    void aRouteWithNothingToSendStartsDeliveredAndOthersPending() {
        assertThat(DeliveryRoute.NONE.initialState()).isEqualTo("DELIVERED");
        assertThat(DeliveryRoute.PULL.initialState()).isEqualTo("PENDING");
        assertThat(DeliveryRoute.push("https://a.example.com").initialState()).isEqualTo("PENDING");
    }

    @Test
    void onlyAPushRouteHasATargetUrl() {
        assertThatThrownBy(() -> new DeliveryRoute("PUSH", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryRoute("PULL", Optional.of("https://a.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryRoute("MAIL", Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultsTakeTheApplicationsId() {
        assertThat(new EventConfig(0, "PULL", "", "ON", "ON", "ON").forApp(77).subAppId()).isEqualTo(77);
    }
}
