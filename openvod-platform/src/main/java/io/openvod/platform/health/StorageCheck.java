package io.openvod.platform.health;

import io.openvod.core.health.Health;
import io.openvod.core.health.HealthCheck;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.StorageException;
import java.util.Objects;

/** The object store can serve: {@link ObjectStore#checkAvailable()} (a probe file on a local disk, HeadBucket on S3). */
public final class StorageCheck implements HealthCheck {
    private final ObjectStore store;

    public StorageCheck(ObjectStore store) {
        this.store = Objects.requireNonNull(store, "store == null");
    }

    @Override
    public String name() {
        return "storage";
    }

    @Override
    public Health check() {
        try {
            store.checkAvailable();
            return Health.up();
        } catch (StorageException e) {
            return Health.down(e.getMessage());
        }
    }
}
