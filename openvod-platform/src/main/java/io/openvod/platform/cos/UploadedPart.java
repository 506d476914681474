package io.openvod.platform.cos;

import java.time.Instant;
import java.util.Objects;

/** A part received for a multipart upload: its MD5 (the part's ETag), its size, and where its bytes are. */
public record UploadedPart(int partNumber, String md5Hex, long size, Instant storedAt, PartPlace place) {
    public UploadedPart {
        Objects.requireNonNull(md5Hex, "md5Hex == null");
        Objects.requireNonNull(storedAt, "storedAt == null");
        Objects.requireNonNull(place, "place == null");
    }
}
