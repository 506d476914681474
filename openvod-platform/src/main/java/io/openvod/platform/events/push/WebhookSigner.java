package io.openvod.platform.events.push;

import io.openvod.core.Secret;
import io.openvod.signature.webhook.StandardWebhooks;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Signs callbacks with Standard Webhooks signatures ({@link StandardWebhooks}): one
 * {@code v1,<base64>} per configured secret ({@code whsec_<base64>}) in one
 * {@code webhook-signature} header, so that a receiver holding any one of the keys of a rotation
 * accepts the request.
 */
public final class WebhookSigner {
    private final StandardWebhooks webhooks;

    /** @throws IllegalArgumentException when a secret is not {@code whsec_<base64>} */
    public WebhookSigner(List<Secret> secrets) {
        this.webhooks = StandardWebhooks.fromSecrets(secrets.stream().map(Secret::reveal).toList());
    }

    /** Whether there is any key to sign with. */
    public boolean canSign() {
        return webhooks.hasKeys();
    }

    /** The {@code webhook-signature} value of a message. */
    public String signature(String id, long timestampSeconds, String body) {
        return webhooks.sign(id, timestampSeconds, body.getBytes(StandardCharsets.UTF_8));
    }
}
