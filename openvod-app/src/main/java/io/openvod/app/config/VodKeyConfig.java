package io.openvod.app.config;

import io.openvod.core.Secret;
import java.nio.file.Path;

/**
 * One VOD API key in {@code app.vod.keys:}. Exactly one key in the whole configuration is active;
 * the others stay listed during a rotation so the audit trail can name them.
 *
 * @param secretId the SecretId
 * @param secretKey the SecretKey, or null when {@code secretKeyFile} is given
 * @param secretKeyFile a file whose first line is the SecretKey
 * @param active whether new signatures are made with this key. Defaults to false.
 */
public record VodKeyConfig(String secretId, Secret secretKey, Path secretKeyFile, boolean active) {
    public VodKeyConfig {
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("secretId is required");
        }
        if ((secretKey == null) == (secretKeyFile == null)) {
            throw new IllegalArgumentException("key " + secretId + ": give exactly one of secretKey and secretKeyFile");
        }
    }
}
