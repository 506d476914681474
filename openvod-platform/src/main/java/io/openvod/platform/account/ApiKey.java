package io.openvod.platform.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API key of an account: SecretId → SecretKey. It signs client-upload signatures and API 3.0
 * requests for every application of its account.
 *
 * @param secretId the public half
 * @param secretKey the secret half; never printed (see {@link #toString()})
 * @param appId the account
 * @param active false once revoked
 * @param createdAt when it was made
 * @param fromConfig true for keys listed in the configuration file (they cannot be revoked by the CLI)
 */
public record ApiKey(String secretId, String secretKey, long appId, boolean active, Instant createdAt, boolean fromConfig) {
    public ApiKey {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        Objects.requireNonNull(createdAt, "createdAt == null");
    }

    /** The secret key of an active key. */
    public Optional<String> usableSecretKey() {
        return active ? Optional.of(secretKey) : Optional.empty();
    }

    @Override
    public String toString() {
        return "ApiKey[" + secretId + ", appId=" + appId + (active ? "" : ", revoked") + "]";
    }
}
