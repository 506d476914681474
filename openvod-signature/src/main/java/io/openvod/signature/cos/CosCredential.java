package io.openvod.signature.cos;

import io.openvod.signature.Credential;
import java.util.Objects;
import java.util.Optional;

/**
 * A key pair that may sign COS requests, and the security token that must accompany its
 * requests in {@code x-cos-security-token} when it is a temporary credential.
 * {@link #toString()} shows neither the secret key nor the token.
 */
public record CosCredential(Credential credential, Optional<String> securityToken) {
    public CosCredential {
        Objects.requireNonNull(credential, "credential == null");
        Objects.requireNonNull(securityToken, "securityToken == null");
        if (securityToken.isPresent() && securityToken.get().isEmpty()) {
            throw new IllegalArgumentException("securityToken is empty");
        }
    }

    /** A permanent key: requests need no security token. */
    public static CosCredential permanent(Credential credential) {
        return new CosCredential(credential, Optional.empty());
    }

    /** A temporary key whose requests must carry {@code token} in {@code x-cos-security-token}. */
    public static CosCredential temporary(Credential credential, String token) {
        return new CosCredential(credential, Optional.of(Objects.requireNonNull(token, "token == null")));
    }

    public String secretId() {
        return credential.secretId();
    }

    @Override
    public String toString() {
        return "CosCredential[secretId=" + credential.secretId() + ", secretKey=****, securityToken="
                + (securityToken.isPresent() ? "****" : "none") + "]";
    }
}
