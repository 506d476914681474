package io.openvod.platform.flow;

import io.openvod.platform.storage.ObjectInfo;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.RangeAssembly;
import io.openvod.platform.storage.StorageError;
import io.openvod.platform.storage.StorageException;
import io.openvod.platform.storage.StoredObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real store that is unavailable for the task flows' outputs for a while: the first
 * {@code failures} writes of objects whose key contains {@code marker} fail with
 * {@code STORAGE_FAILED}, as a disk or bucket that is briefly gone does; then it recovers.
 */
final class OutageStore implements ObjectStore {
    private final ObjectStore real;
    private final String marker;
    private final AtomicInteger left;
    final AtomicInteger refused = new AtomicInteger();

    OutageStore(ObjectStore real, String marker, int failures) {
        this.real = real;
        this.marker = marker;
        this.left = new AtomicInteger(failures);
    }

    @Override
    public StoredObject put(String key, InputStream data, long length) {
        if (key.contains(marker) && left.getAndDecrement() > 0) {
            refused.incrementAndGet();
            throw new StorageException(StorageError.STORAGE_FAILED, "the object store is unavailable");
        }
        return real.put(key, data, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        return real.stat(key);
    }

    @Override
    public InputStream read(String key, long offset, long length) {
        return real.read(key, offset, length);
    }

    @Override
    public ObjectInfo compose(String target, List<String> sources) {
        return real.compose(target, sources);
    }

    @Override
    public boolean delete(String key) {
        return real.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        return real.list(prefix);
    }

    @Override
    public Optional<Path> localFile(String key) {
        return real.localFile(key);
    }

    @Override
    public Optional<RangeAssembly> rangeAssembly() {
        return real.rangeAssembly();
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public void close() {
        real.close();
    }
}
