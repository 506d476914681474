package io.openvod.platform.events.push;

import io.openvod.core.Secret;
import io.openvod.signature.webhook.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs an application's callbacks with Standard Webhooks signatures ({@link StandardWebhooks})
 * made with that application's own secrets ({@link WebhookSecrets}): one {@code v1,<base64>} per
 * current secret in one {@code webhook-signature} header, so that a receiver holding any one of
 * the keys of a rotation accepts the request. An application's secrets are read again at most
 * every {@link #REFRESH}, so a rotation or revocation takes effect within it on every node.
 */
final class WebhookSigner {
    static final Duration REFRESH = Duration.ofSeconds(2);

    private record Keys(StandardWebhooks webhooks, long readAt) {
    }

    private final WebhookSecrets secrets;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Keys> cache = new ConcurrentHashMap<>();

    WebhookSigner(WebhookSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * The {@code webhook-signature} value of a message of application {@code subAppId}; empty when
     * the application has no current secret.
     */
    Optional<String> signature(long subAppId, String id, long timestampSeconds, String body) {
        StandardWebhooks webhooks = keys(subAppId);
        if (!webhooks.hasKeys()) {
            return Optional.empty();
        }
        return Optional.of(webhooks.sign(id, timestampSeconds, body.getBytes(StandardCharsets.UTF_8)));
    }

    private StandardWebhooks keys(long subAppId) {
        long now = clock.millis();
        Keys kept = cache.get(subAppId);
        if (kept != null && now - kept.readAt() < REFRESH.toMillis() && now >= kept.readAt()) {
            return kept.webhooks();
        }
        Keys read = new Keys(StandardWebhooks.fromSecrets(secrets.signing(subAppId).stream().map(Secret::reveal).toList()), now);
        cache.put(subAppId, read);
        return read.webhooks();
    }
}
