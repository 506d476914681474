package io.openvod.signature.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Standard Webhooks: any secret is either taken or refused with an
 * {@link IllegalArgumentException}; any received message gets a {@link WebhookVerdict}, never an
 * exception; and a signed message verifies exactly when its timestamp is within the tolerance of
 * the receiver's clock.
 */
class StandardWebhooksFuzzTest {
    private static final StandardWebhooks KEYS =
            StandardWebhooks.fromSecrets(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    private static final long MAX_SECONDS = Instant.MAX.getEpochSecond();

    @FuzzTest(maxDuration = "5s")
    void verify(FuzzedDataProvider data) {
        switch (data.consumeInt(0, 2)) {
            case 0 -> {
                try {
                    assertThat(StandardWebhooks.fromSecrets(List.of(data.consumeRemainingAsString()))).isNotNull();
                } catch (IllegalArgumentException refused) {
                    // the documented refusal of a malformed secret
                }
            }
            case 1 -> {
                Instant now = Instant.ofEpochSecond(data.consumeLong(-MAX_SECONDS, MAX_SECONDS));
                Duration tolerance = Duration.ofSeconds(data.consumeLong(0, 1_000_000));
                WebhookVerdict verdict = KEYS.verify(data.consumeString(60), data.consumeString(30), data.consumeString(200),
                        data.consumeRemainingAsBytes(), now, tolerance);
                assertThat(verdict).isNotNull();
            }
            default -> signThenVerify(data);
        }
    }

    private static void signThenVerify(FuzzedDataProvider data) {
        long now = data.consumeLong(-MAX_SECONDS, MAX_SECONDS);
        long timestamp = data.consumeBoolean() ? now + data.consumeLong(-600, 600) : data.consumeLong();
        long tolerance = data.consumeLong(0, 1_000_000);
        String id = "msg_" + data.consumeString(40);
        byte[] body = data.consumeRemainingAsBytes();
        String header = KEYS.sign(id, timestamp, body);
        WebhookVerdict verdict = KEYS.verify(id, Long.toString(timestamp), header, body, Instant.ofEpochSecond(now),
                Duration.ofSeconds(tolerance));
        boolean within = BigInteger.valueOf(now).subtract(BigInteger.valueOf(timestamp)).abs()
                .compareTo(BigInteger.valueOf(tolerance)) <= 0;
        assertThat(verdict).isEqualTo(within ? WebhookVerdict.VALID : WebhookVerdict.TIMESTAMP_OUT_OF_TOLERANCE);
    }
}
