package io.openvod.signature;

import java.util.Objects;

/**
 * A TencentCloud-style API key: the public {@code secretId} and the private {@code secretKey}.
 * {@link #toString()} never shows the secret key, so a credential can be logged safely.
 */
public record Credential(String secretId, String secretKey) {
    public Credential {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        if (secretId.isBlank()) {
            throw new IllegalArgumentException("secretId is blank");
        }
        if (secretKey.isEmpty()) {
            throw new IllegalArgumentException("secretKey is empty");
        }
    }

    @Override
    public String toString() {
        return "Credential[secretId=" + secretId + ", secretKey=****]";
    }
}
