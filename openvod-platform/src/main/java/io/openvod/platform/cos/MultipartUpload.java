package io.openvod.platform.cos;

import java.time.Instant;

/** A multipart upload in progress: which object it will become. */
public record MultipartUpload(String uploadId, String bucket, String key, String contentType, Instant initiated) {
}
