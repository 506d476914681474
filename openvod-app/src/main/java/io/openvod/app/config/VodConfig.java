package io.openvod.app.config;

import io.openvod.core.Secret;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code app.vod:} — the VOD account whose keys sign uploads: real Tencent VOD or an OpenVOD platform.
 *
 * @param secretId the active SecretId (also {@code OPENVOD_APP_VOD_SECRET_ID}); empty when only {@code keys} are used
 * @param secretKey its SecretKey ({@code OPENVOD_APP_VOD_SECRET_KEY}); or use {@code secretKeyFile}
 * @param secretKeyFile a file whose first line is the SecretKey of {@code secretId}
 * @param keys more keys, for rotation; one of all keys is active
 * @param subAppId the {@code vodSubAppId} to sign; 0 leaves it out. Defaults to 0.
 * @param storageRegion the {@code storageRegion} to sign; empty leaves it out
 * @param mediaBaseUrl an OpenVOD platform's media base now (its {@code platform.http.mediaBaseUrl}, else its
 *     public URL): the videos' URLs of OpenVOD buckets are answered on it, so they keep working when the
 *     platform moves ({@link io.openvod.app.videos.VideoUrls}); empty answers them as the events gave them.
 *     Defaults to empty ({@code openvod dev} sets its platform's).
 */
public record VodConfig(String secretId, Secret secretKey, Path secretKeyFile, List<VodKeyConfig> keys,
                        long subAppId, String storageRegion, String mediaBaseUrl) {
    public VodConfig {
        secretId = secretId == null ? "" : secretId.strip();
        keys = keys == null ? List.of() : List.copyOf(keys);
        storageRegion = storageRegion == null ? "" : storageRegion.strip();
        mediaBaseUrl = mediaBaseUrl == null ? "" : mediaBaseUrl.strip();
        if (!mediaBaseUrl.isEmpty() && !mediaBaseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new IllegalArgumentException("mediaBaseUrl '" + mediaBaseUrl + "' is not http(s)://host[:port][/path]");
        }
        if (secretId.isEmpty() && (secretKey != null || secretKeyFile != null)) {
            throw new IllegalArgumentException("secretKey/secretKeyFile given without secretId");
        }
        if (!secretId.isEmpty() && (secretKey == null) == (secretKeyFile == null)) {
            throw new IllegalArgumentException("secretId " + secretId + ": give exactly one of secretKey and secretKeyFile");
        }
        if (subAppId < 0) {
            throw new IllegalArgumentException("subAppId " + subAppId + " is negative");
        }
        if (!storageRegion.isEmpty() && !storageRegion.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("storageRegion '" + storageRegion + "' is not a region name");
        }
        long active = keys.stream().filter(VodKeyConfig::active).count() + (secretId.isEmpty() ? 0 : 1);
        if (active > 1) {
            throw new IllegalArgumentException("more than one active key: secretId (which is always active) and keys[].active, or several keys[].active");
        }
        if (active == 0 && !keys.isEmpty()) {
            throw new IllegalArgumentException("keys are listed but none is active");
        }
        String top = secretId;
        if (keys.stream().map(VodKeyConfig::secretId).distinct().count() != keys.size()
                || keys.stream().anyMatch(k -> k.secretId().equals(top))) {
            throw new IllegalArgumentException("a secretId is listed twice");
        }
    }

    /** A VOD whose media URLs are answered as the events gave them. */
    public VodConfig(String secretId, Secret secretKey, Path secretKeyFile, List<VodKeyConfig> keys, long subAppId,
                     String storageRegion) {
        this(secretId, secretKey, secretKeyFile, keys, subAppId, storageRegion, "");
    }

    /** Every key as listed: the top-level one (active) first, then {@code keys}. */
    public List<VodKeyConfig> allKeys() {
        if (secretId.isEmpty()) {
            return keys;
        }
        return java.util.stream.Stream.concat(
                java.util.stream.Stream.of(new VodKeyConfig(secretId, secretKey, secretKeyFile, true)),
                keys.stream()).toList();
    }
}
