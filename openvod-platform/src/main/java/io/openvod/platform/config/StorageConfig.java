package io.openvod.platform.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code platform.storage:} — where object bytes live.
 *
 * @param type {@code local} (a directory on this machine, the default) or {@code s3} (any
 *     S3-compatible service)
 * @param path the directory of the local store. Defaults to {@code .openvod/objects}.
 * @param s3 the S3 settings, used when type is {@code s3}
 */
public record StorageConfig(String type, Path path, S3Config s3) {
    public StorageConfig {
        type = type == null ? "local" : type;
        if (!type.equals("local") && !type.equals("s3")) {
            throw new IllegalArgumentException("type '" + type + "' is not local or s3");
        }
        Objects.requireNonNull(path, "path is required");
        Objects.requireNonNull(s3, "s3 is required");
        if (type.equals("s3") && s3.bucket().isBlank()) {
            throw new IllegalArgumentException("s3.bucket is required when type is s3");
        }
    }

    /**
     * The S3-compatible store.
     *
     * @param endpoint the service URL; empty means AWS
     * @param region the signing region
     * @param bucket the bucket every object goes to
     * @param prefix a key prefix inside the bucket
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key (redacted in logs)
     * @param pathStyle address the bucket in the path instead of the host name
     */
    public record S3Config(String endpoint, String region, String bucket, String prefix, String accessKeyId,
                           String secretAccessKey, boolean pathStyle) {
        public S3Config {
            endpoint = endpoint == null ? "" : endpoint;
            region = region == null || region.isBlank() ? "us-east-1" : region;
            bucket = bucket == null ? "" : bucket;
            prefix = prefix == null ? "" : prefix;
            accessKeyId = accessKeyId == null ? "" : accessKeyId;
            secretAccessKey = secretAccessKey == null ? "" : secretAccessKey;
        }

        @Override
        public String toString() {
            return "S3Config[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                    + ", accessKeyId=" + accessKeyId + ", secretAccessKey=***, pathStyle=" + pathStyle + "]";
        }
    }
}
