package io.openvod.platform.storage;

/**
 * A body (an {@link java.io.InputStream} handed to a store) that takes the MD5 of its own bytes as
 * they are read, for example to check them against the {@code Content-MD5} a client sent. A store
 * that needs the MD5 as well (for the object's ETag) takes it from the body once the last byte
 * was read, instead of digesting every byte a second time.
 */
public interface DigestedBody {

    /**
     * The hex MD5 of all of the body's bytes.
     *
     * @throws IllegalStateException when the body has not been read to its end
     */
    String md5Hex();
}
