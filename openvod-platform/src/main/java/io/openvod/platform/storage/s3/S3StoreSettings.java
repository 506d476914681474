package io.openvod.platform.storage.s3;

import io.openvod.core.Secret;
import io.openvod.platform.storage.ObjectKeys;
import java.net.URI;
import java.util.Objects;

/**
 * Where and how an {@link S3ObjectStore} reaches its bucket. {@code toString()} is safe to log:
 * the secret key prints as {@code ****}.
 *
 * @param endpoint the service URL, e.g. {@code http://127.0.0.1:9000} for MinIO; {@code null}
 *                 for AWS S3 itself (the region's endpoint)
 * @param region the signing region, e.g. {@code us-east-1}
 * @param bucket the bucket (it must exist)
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param pathStyle true to address {@code endpoint/bucket/key} instead of {@code bucket.endpoint/key};
 *                  most self-hosted S3-compatible servers need it
 * @param keyPrefix a folder inside the bucket that holds every object, e.g. {@code openvod/}; empty
 *                  for the bucket's top level. Stored without a trailing slash.
 */
public record S3StoreSettings(
        URI endpoint,
        String region,
        String bucket,
        String accessKeyId,
        Secret secretAccessKey,
        boolean pathStyle,
        String keyPrefix) {

    public S3StoreSettings {
        Objects.requireNonNull(region, "region == null");
        Objects.requireNonNull(bucket, "bucket == null");
        Objects.requireNonNull(accessKeyId, "accessKeyId == null");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey == null");
        if (region.isBlank() || bucket.isBlank() || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("region, bucket and accessKeyId must not be blank");
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new IllegalArgumentException("the endpoint must be an absolute http(s) URL: " + endpoint);
        }
        if (endpoint != null && endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the endpoint may not carry credentials; use accessKeyId and secretAccessKey");
        }
        keyPrefix = keyPrefix == null ? "" : stripSlashes(keyPrefix);
        if (!keyPrefix.isEmpty() && !ObjectKeys.isValid(keyPrefix)) {
            throw new IllegalArgumentException("the key prefix must follow the object key rule: " + keyPrefix);
        }
    }

    private static String stripSlashes(String prefix) {
        int start = 0;
        int end = prefix.length();
        while (start < end && prefix.charAt(start) == '/') {
            start++;
        }
        while (end > start && prefix.charAt(end - 1) == '/') {
            end--;
        }
        return prefix.substring(start, end);
    }

    /** The S3 key of an object key: the prefix folder, then the key. */
    String s3Key(String key) {
        return keyPrefix.isEmpty() ? key : keyPrefix + "/" + key;
    }

    /** The start every S3 key of this store has ({@code ""} or {@code "prefix/"}). */
    String s3KeyStart() {
        return keyPrefix.isEmpty() ? "" : keyPrefix + "/";
    }

    /** {@code s3://bucket/prefix @ endpoint}, without credentials. */
    String describe() {
        String where = endpoint == null ? "AWS " + region : endpoint.toString();
        return "s3://" + bucket + "/" + keyPrefix + " @ " + where;
    }
}
