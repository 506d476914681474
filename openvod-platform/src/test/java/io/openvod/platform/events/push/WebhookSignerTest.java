package io.openvod.platform.events.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.core.Secret;
import io.openvod.signature.webhook.StandardWebhooks;
import io.openvod.signature.webhook.WebhookVerdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    private static final String MINE = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String THEIRS = "whsec_c29tZW9uZS1lbHNlLXMta2V5LTMyLWJ5dGVzLWxvbmc=";

    private static boolean verifies(String secret, String signature, String body) {
        return StandardWebhooks.fromSecrets(List.of(secret)).verify("msg_1", "1700000000", signature,
                body.getBytes(StandardCharsets.UTF_8), Instant.ofEpochSecond(1_700_000_000L), Duration.ofMinutes(5))
                == WebhookVerdict.VALID;
    }

    @Test
    void eachApplicationIsSignedWithItsOwnSecretsOnly() {
        InMemoryWebhookSecrets secrets = new InMemoryWebhookSecrets();
        secrets.byApp.put(1L, List.of(Secret.of(MINE)));
        secrets.byApp.put(2L, List.of(Secret.of(THEIRS)));
        WebhookSigner signer = new WebhookSigner(secrets, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        String mine = signer.signature(1L, "msg_1", 1_700_000_000L, "{}").orElseThrow();
        String theirs = signer.signature(2L, "msg_1", 1_700_000_000L, "{}").orElseThrow();
        assertThat(mine).startsWith("v1,").doesNotContain(" ");
        assertThat(verifies(MINE, mine, "{}")).isTrue();
        assertThat(verifies(THEIRS, mine, "{}")).isFalse();
        assertThat(verifies(THEIRS, theirs, "{}")).isTrue();
        assertThat(verifies(MINE, theirs, "{}")).isFalse();
        assertThat(signer.signature(3L, "msg_1", 1_700_000_000L, "{}")).as("no secret: unsigned").isEmpty();
    }

    @Test
    void secretsAreReadAgainAfterTheRefreshInterval() {
        InMemoryWebhookSecrets secrets = new InMemoryWebhookSecrets();
        secrets.byApp.put(1L, new ArrayList<>(List.of(Secret.of(MINE))));
        MutableClock clock = new MutableClock();
        WebhookSigner signer = new WebhookSigner(secrets, clock);
        signer.signature(1L, "msg_1", 1L, "{}");
        signer.signature(1L, "msg_1", 1L, "{}");
        assertThat(secrets.reads).as("kept within the refresh interval").isEqualTo(1);

        secrets.byApp.put(1L, List.of());
        clock.now = clock.now.plus(WebhookSigner.REFRESH);
        assertThat(signer.signature(1L, "msg_1", 1L, "{}")).as("a revoked secret stops signing after the interval").isEmpty();
        assertThat(secrets.reads).isEqualTo(2);
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
