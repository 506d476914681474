package io.openvod.platform.events.push;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook signing secret of one application, as operators list it — never the secret itself.
 *
 * @param secretId the secret's public id ({@code whk_…})
 * @param subAppId the application whose callbacks it signs
 * @param expiresAt when it stops signing, once rotated out; empty while it is current
 * @param revokedAt when it was revoked; empty when it was not
 */
public record WebhookSecret(String secretId, long subAppId, Instant createdAt, Optional<Instant> expiresAt,
                            Optional<Instant> revokedAt) {
    public WebhookSecret {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    /** {@code ACTIVE} (signs, no end set), {@code EXPIRING} (signs until {@link #expiresAt}), {@code EXPIRED} or {@code REVOKED}. */
    public String state(Instant now) {
        if (revokedAt.isPresent()) {
            return "REVOKED";
        }
        if (expiresAt.isEmpty()) {
            return "ACTIVE";
        }
        return expiresAt.get().isAfter(now) ? "EXPIRING" : "EXPIRED";
    }
}
