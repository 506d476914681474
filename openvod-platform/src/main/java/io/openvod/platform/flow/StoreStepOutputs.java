package io.openvod.platform.flow;

import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A step's outputs in the object store, next to the media: object key
 * {@code <subAppId>/<fileId>/<name>} in the media's bucket, served at {@link StorageLayout#url}.
 */
public final class StoreStepOutputs implements StepOutputs {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private final ObjectStore store;
    private final StorageLayout layout;
    private final String bucket;
    private final String prefix;

    public StoreStepOutputs(ObjectStore store, StorageLayout layout, String bucket, long subAppId, String fileId) {
        this.store = store;
        this.layout = layout;
        this.bucket = bucket;
        this.prefix = subAppId + "/" + fileId + "/";
    }

    /** The object key (in the bucket) of output {@code name}. */
    public String key(String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not an output name: " + name);
        }
        return prefix + name;
    }

    @Override
    public String store(String name, Path file) {
        String key = key(name);
        try (InputStream in = Files.newInputStream(file)) {
            store.put(StorageLayout.storeKey(bucket, key), in, Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read output " + file, e);
        }
        return layout.url(bucket, key);
    }

    @Override
    public String url(String name) {
        return layout.url(bucket, key(name));
    }
}
