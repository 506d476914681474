package io.openvod.platform.ugc;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary COS credentials handed out by ApplyUploadUGC ({@code tempCertificate}); valid until
 * {@code expiresAt}, and only for the object keys of their session.
 */
public record TempCredential(String secretId, String secretKey, String token, String sessionHash, Instant expiresAt) {
    public TempCredential {
        Objects.requireNonNull(secretId, "secretId == null");
        Objects.requireNonNull(secretKey, "secretKey == null");
        Objects.requireNonNull(token, "token == null");
        Objects.requireNonNull(sessionHash, "sessionHash == null");
        Objects.requireNonNull(expiresAt, "expiresAt == null");
    }

    @Override
    public String toString() {
        return "TempCredential[" + secretId + ", expires " + expiresAt + "]";
    }
}
