package io.openvod.server.config;

import io.openvod.core.Secret;

/**
 * One entry of {@code keys:} — an API key pair (SecretId → SecretKey) that OpenVOD trusts and
 * signs with. The secret key is redacted wherever the configuration is printed or logged.
 */
public record ApiKeyConfig(String secretId, Secret secretKey) {
    public ApiKeyConfig {
        ConfigChecks.notNull("secretId", secretId);
        ConfigChecks.notNull("secretKey", secretKey);
        if (secretId.isBlank() || secretId.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            throw new IllegalArgumentException("secretId '" + secretId + "' is blank or contains spaces or control characters");
        }
    }
}
