package io.openvod.platform.catalog;

import java.util.Optional;

/** Reads the technical metadata (Tencent's MetaData) of a stored object. */
@FunctionalInterface
public interface MediaInspector {

    /** The metadata of the object stored under {@code storeKey}; never throws for unreadable media. */
    Inspection inspect(String storeKey);

    /** MetaData as JSON, or why it could not be read. */
    record Inspection(Optional<String> metadataJson, Optional<String> error) {
        public static Inspection of(String metadataJson) {
            return new Inspection(Optional.of(metadataJson), Optional.empty());
        }

        public static Inspection failed(String error) {
            return new Inspection(Optional.empty(), Optional.of(error));
        }
    }
}
