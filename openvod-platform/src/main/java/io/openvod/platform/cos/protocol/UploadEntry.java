package io.openvod.platform.cos.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * One multipart upload in progress, as List Multipart Uploads reports it.
 *
 * @param key the object key, decoded (no leading {@code /})
 * @param uploadId the upload's ID
 * @param initiated when the upload was initiated
 */
public record UploadEntry(String key, String uploadId, Instant initiated) {
    public UploadEntry {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(uploadId, "uploadId == null");
        Objects.requireNonNull(initiated, "initiated == null");
    }
}
