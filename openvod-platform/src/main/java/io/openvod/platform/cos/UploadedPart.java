package io.openvod.platform.cos;

import java.time.Instant;
import java.util.Optional;

/**
 * A part received for a multipart upload: its MD5 (the part's ETag), its size, and where its
 * bytes are: at {@code dataOffset} of the upload's draft, or (when empty) in an object of its own.
 */
public record UploadedPart(int partNumber, String md5Hex, long size, Instant storedAt, Optional<Long> dataOffset) {
    public UploadedPart {
        dataOffset = dataOffset == null ? Optional.empty() : dataOffset;
    }
}
