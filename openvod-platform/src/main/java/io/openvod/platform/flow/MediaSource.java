package io.openvod.platform.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.openvod.platform.catalog.Media;
import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.ugc.StorageLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What a step reads of its media: the original as a local file, and its duration from the MetaData. */
final class MediaSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectStore store;

    MediaSource(ObjectStore store) {
        this.store = store;
    }

    /** The media's original as a local file: the stored file itself, or a copy in {@code workDir}. */
    Path localFile(Media m, Path workDir) throws IOException {
        String key = StorageLayout.storeKey(m.bucket(), m.mediaKey());
        Optional<Path> local = store.localFile(key);
        if (local.isPresent()) {
            return local.get();
        }
        Path copy = workDir.resolve("source." + (m.type().matches("[a-z0-9]{1,10}") ? m.type() : "bin"));
        long size = store.stat(key).orElseThrow(() -> new IOException("the media's object " + key + " is missing")).size();
        try (InputStream in = store.read(key, 0, size)) {
            Files.copy(in, copy);
        }
        return copy;
    }

    /** The {@code Duration} of the media's MetaData in seconds; 0 when unknown. */
    static double durationSeconds(Media m) {
        return m.metadataJson().map(json -> {
            try {
                return JSON.readTree(json).path("Duration").asDouble(0);
            } catch (IOException e) {
                return 0.0;
            }
        }).orElse(0.0);
    }
}
