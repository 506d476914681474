package io.openvod.platform.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store knows about an object without reading it.
 *
 * @param key the object key
 * @param size its length in bytes
 * @param lastModified when it was last written
 */
public record ObjectInfo(String key, long size, Instant lastModified) {
    public ObjectInfo {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(lastModified, "lastModified == null");
    }
}
