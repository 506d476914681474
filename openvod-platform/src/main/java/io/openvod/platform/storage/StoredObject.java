package io.openvod.platform.storage;

import java.util.Objects;

/**
 * An object just written by {@link ObjectStore#put}.
 *
 * @param key the object key
 * @param size its length in bytes
 * @param md5Hex the lower-case hex MD5 of its bytes (a COS part's ETag without the quotes)
 */
public record StoredObject(String key, long size, String md5Hex) {
    public StoredObject {
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(md5Hex, "md5Hex == null");
    }
}
