package io.openvod.platform.cos.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored part, as List Parts reports it.
 *
 * @param partNumber 1–10000
 * @param etagHex the lower-case hex MD5 of the part's bytes, unquoted
 * @param size the part's length in bytes
 * @param lastModified when the part was stored
 */
public record PartEntry(int partNumber, String etagHex, long size, Instant lastModified) {
    public PartEntry {
        Objects.requireNonNull(etagHex, "etagHex == null");
        Objects.requireNonNull(lastModified, "lastModified == null");
    }
}
