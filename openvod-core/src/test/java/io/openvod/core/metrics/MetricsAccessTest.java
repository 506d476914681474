package io.openvod.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.Secret;
import io.openvod.core.metrics.MetricsAccess.Decision;
import io.openvod.testing.TestSecrets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetricsAccessTest {
    private static final Secret TOKEN = Secret.of(TestSecrets.remember("metrics-token-7f3a9c21"));

    @Test
    void loopback_without_a_token_is_open() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"}) {
            assertThat(MetricsAccess.forHost(host, Optional.empty()).decide(null)).as(host).isEqualTo(Decision.ALLOW);
        }
    }

    @Test
    void beyond_loopback_without_a_token_is_off() {
        for (String host : new String[] {"0.0.0.0", "::", "10.0.0.5", "vod.example.com"}) {
            assertThat(MetricsAccess.forHost(host, Optional.empty()).decide("Bearer x")).as(host).isEqualTo(Decision.OFF);
        }
    }

    @Test
    void a_configured_token_is_required_on_any_host() {
        for (String host : new String[] {"0.0.0.0", "127.0.0.1"}) {
            MetricsAccess access = MetricsAccess.forHost(host, Optional.of(TOKEN));
            assertThat(access.decide("Bearer " + TOKEN.reveal())).isEqualTo(Decision.ALLOW);
            assertThat(access.decide(null)).isEqualTo(Decision.UNAUTHORIZED);
            assertThat(access.decide("Bearer ")).isEqualTo(Decision.UNAUTHORIZED);
            assertThat(access.decide("Bearer wrong-token")).isEqualTo(Decision.UNAUTHORIZED);
            assertThat(access.decide("Basic " + TOKEN.reveal())).isEqualTo(Decision.UNAUTHORIZED);
        }
    }
}
