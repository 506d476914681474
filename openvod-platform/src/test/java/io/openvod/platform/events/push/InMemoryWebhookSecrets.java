package io.openvod.platform.events.push;

import io.openvod.core.Secret;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webhook secrets per application in memory, for signer and sender tests; counts the reads. */
final class InMemoryWebhookSecrets implements WebhookSecrets {
    final Map<Long, List<Secret>> byApp = new HashMap<>();
    int reads;

    @Override
    public Created create(long subAppId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Created rotate(long subAppId, Duration overlap) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean revoke(String secretId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<WebhookSecret> list(Optional<Long> subAppId) {
        return List.of();
    }

    @Override
    public List<Secret> signing(long subAppId) {
        reads++;
        return byApp.getOrDefault(subAppId, List.of());
    }
}
