package io.openvod.platform.events.push;

import io.openvod.core.Secret;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Standard Webhooks secrets that sign each application's callbacks. Every application has its
 * own: a receiver that holds one application's secret never accepts another application's events.
 * A secret is shown once, when it is made; afterwards only its id is listed.
 */
public interface WebhookSecrets {
    /** A secret just made: its id, and the value to give the receiver ({@code whsec_<base64>}). */
    record Created(String secretId, long subAppId, Secret secret) {
    }

    /**
     * Makes a new secret for {@code subAppId}, which then signs besides the ones it has.
     *
     * @throws IllegalArgumentException when there is no such application
     */
    Created create(long subAppId);

    /**
     * Makes a new secret for {@code subAppId} and lets every other current secret of it sign for
     * {@code overlap} more (so that receivers can switch), then stop.
     *
     * @throws IllegalArgumentException when there is no such application or the overlap is negative
     */
    Created rotate(long subAppId, Duration overlap);

    /** Stops a secret signing at once; false when there is no such secret (or it was revoked already). */
    boolean revoke(String secretId);

    /** The secrets of one application, or of all (empty), oldest first. */
    List<WebhookSecret> list(Optional<Long> subAppId);

    /** The secrets that sign {@code subAppId}'s callbacks now; empty when it has none (callbacks then go unsigned). */
    List<Secret> signing(long subAppId);
}
