package io.openvod.platform.cos;

import java.util.Objects;

/**
 * Where the parts of a multipart upload go, on a store that has a multipart upload of its own
 * (S3): settled once per upload by the first part that can tell (see {@link PartStore}).
 */
public sealed interface PartRoute {
    /** Parts go to objects of their own, composed at Complete. */
    PartRoute OWN_OBJECTS = new OwnObjects();

    /** Parts go straight to the store's multipart upload {@code storeUploadId}; Complete is the store's. */
    record Native(String storeUploadId) implements PartRoute {
        public Native {
            Objects.requireNonNull(storeUploadId, "storeUploadId == null");
        }
    }

    /** Objects of their own; use {@link #OWN_OBJECTS}. */
    record OwnObjects() implements PartRoute {
    }
}
