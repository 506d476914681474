package io.openvod.signature.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
    /** The worked example of the Standard Webhooks specification. */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP + 30);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String OTHER = "whsec_" + java.util.Base64.getEncoder().encodeToString("another-key-of-32-bytes-length!!".getBytes());

    @Test
    void signsTheSpecificationsExample() {
        assertThat(StandardWebhooks.fromSecrets(List.of(SECRET)).sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesTheExampleAndRefusesAnyChange() {
        StandardWebhooks hooks = StandardWebhooks.fromSecrets(List.of(SECRET));
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW, TOLERANCE)).isEqualTo(WebhookVerdict.VALID);
        byte[] changed = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, changed, NOW, TOLERANCE))
                .isEqualTo(WebhookVerdict.NO_MATCHING_SIGNATURE);
        assertThat(hooks.verify(ID + "x", Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW, TOLERANCE))
                .isEqualTo(WebhookVerdict.NO_MATCHING_SIGNATURE);
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP + 1), SIGNATURE, BODY, NOW, TOLERANCE))
                .isEqualTo(WebhookVerdict.NO_MATCHING_SIGNATURE);
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), "v2," + SIGNATURE.substring(3), BODY, NOW, TOLERANCE))
                .as("only v1 signatures count").isEqualTo(WebhookVerdict.NO_MATCHING_SIGNATURE);
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), "v1,%%%", BODY, NOW, TOLERANCE))
                .isEqualTo(WebhookVerdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void refusesOldFutureAndMalformedTimestampsAndMissingHeaders() {
        StandardWebhooks hooks = StandardWebhooks.fromSecrets(List.of(SECRET));
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW.plus(Duration.ofMinutes(6)), TOLERANCE))
                .isEqualTo(WebhookVerdict.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW.minus(Duration.ofMinutes(6)), TOLERANCE))
                .isEqualTo(WebhookVerdict.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(hooks.verify(ID, "yesterday", SIGNATURE, BODY, NOW, TOLERANCE)).isEqualTo(WebhookVerdict.BAD_TIMESTAMP);
        assertThat(hooks.verify(null, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW, TOLERANCE)).isEqualTo(WebhookVerdict.MISSING_HEADERS);
        assertThat(hooks.verify(ID, Long.toString(TIMESTAMP), " ", BODY, NOW, TOLERANCE)).isEqualTo(WebhookVerdict.MISSING_HEADERS);
    }

    /** A timestamp 2^63 seconds from now must not pass the tolerance by overflowing the difference. */
    @Test
    void refusesATimestampWhoseDistanceFromNowOverflows() {
        StandardWebhooks webhooks = StandardWebhooks.fromSecrets(List.of(SECRET));
        for (long[] nowAndTimestamp : new long[][] {{TIMESTAMP, TIMESTAMP + Long.MIN_VALUE}, {0, Long.MIN_VALUE}, {-1, Long.MAX_VALUE}}) {
            long timestamp = nowAndTimestamp[1];
            String header = webhooks.sign(ID, timestamp, BODY);
            assertThat(webhooks.verify(ID, Long.toString(timestamp), header, BODY, Instant.ofEpochSecond(nowAndTimestamp[0]), TOLERANCE))
                    .as("timestamp %d at %d", timestamp, nowAndTimestamp[0])
                    .isEqualTo(WebhookVerdict.TIMESTAMP_OUT_OF_TOLERANCE);
        }
    }

    @Test
    void duringARotationEitherKeyVerifies() {
        StandardWebhooks sender = StandardWebhooks.fromSecrets(List.of(OTHER, SECRET));
        String header = sender.sign(ID, TIMESTAMP, BODY);
        assertThat(header.split(" ")).hasSize(2).contains(SIGNATURE);
        assertThat(StandardWebhooks.fromSecrets(List.of(SECRET)).verify(ID, Long.toString(TIMESTAMP), header, BODY, NOW, TOLERANCE))
                .isEqualTo(WebhookVerdict.VALID);
        assertThat(StandardWebhooks.fromSecrets(List.of(OTHER)).verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW, TOLERANCE))
                .isEqualTo(WebhookVerdict.NO_MATCHING_SIGNATURE);
        assertThat(StandardWebhooks.fromSecrets(List.of(OTHER, SECRET)).verify(ID, Long.toString(TIMESTAMP), SIGNATURE, BODY, NOW,
                TOLERANCE)).isEqualTo(WebhookVerdict.VALID);
    }

    @Test
    void secretsMustBeWhsecBase64OfAtLeast16Bytes() {
        assertThatThrownBy(() -> StandardWebhooks.fromSecrets(List.of("plain-secret"))).hasMessageContaining("whsec_")
                .hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> StandardWebhooks.fromSecrets(List.of("whsec_***"))).hasMessageContaining("base64");
        assertThatThrownBy(() -> StandardWebhooks.fromSecrets(List.of("whsec_c2hvcnQ="))).hasMessageContaining("16");
        assertThat(StandardWebhooks.fromSecrets(List.of()).hasKeys()).isFalse();
    }
}
