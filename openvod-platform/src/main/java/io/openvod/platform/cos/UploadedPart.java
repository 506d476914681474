package io.openvod.platform.cos;

import java.time.Instant;

/** A part received for a multipart upload: its MD5 (the part's ETag) and size. */
public record UploadedPart(int partNumber, String md5Hex, long size, Instant storedAt) {
}
