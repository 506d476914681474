package io.openvod.platform.config;

import io.openvod.core.Secret;
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
public record StorageConfig(String type, String path, S3Config s3) {
    public StorageConfig {
        type = type == null ? "local" : type;
        if (!type.equals("local") && !type.equals("s3")) {
            throw new IllegalArgumentException("type '" + type + "' is not local or s3");
        }
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path is required");
        }
        Objects.requireNonNull(s3, "s3 is required");
        if (type.equals("s3") && s3.bucket().isBlank()) {
            throw new IllegalArgumentException("s3.bucket is required when type is s3");
        }
    }

    /** The directory of the local store. */
    public Path directory() {
        return Path.of(path);
    }

    /**
     * The S3-compatible store.
     *
     * @param endpoint the service URL; empty means AWS
     * @param region the signing region
     * @param bucket the bucket every object goes to
     * @param prefix a key prefix inside the bucket
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key (redacted wherever configuration is printed); null
     *     for none
     * @param pathStyle address the bucket in the path instead of the host name
     */
    public record S3Config(String endpoint, String region, String bucket, String prefix, String accessKeyId,
                           Secret secretAccessKey, boolean pathStyle) {
        public S3Config {
            endpoint = endpoint == null ? "" : endpoint;
            region = region == null || region.isBlank() ? "us-east-1" : region;
            bucket = bucket == null ? "" : bucket;
            prefix = prefix == null ? "" : prefix;
            accessKeyId = accessKeyId == null ? "" : accessKeyId;
        }
    }
}
