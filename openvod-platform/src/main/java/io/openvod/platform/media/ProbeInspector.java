package io.openvod.platform.media;

import io.openvod.platform.catalog.MediaInspector;
import io.openvod.platform.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * {@link MediaInspector} with ffprobe: reads a stored object in place when the store keeps files,
 * otherwise from a temporary copy that is removed afterwards. Unreadable media gives an
 * inspection with the reason, not an exception, so an upload of a damaged file still commits.
 */
public final class ProbeInspector implements MediaInspector {
    private final MediaProbe probe;
    private final ObjectStore store;

    public ProbeInspector(MediaProbe probe, ObjectStore store) {
        this.probe = probe;
        this.store = store;
    }

    @Override
    public Inspection inspect(String storeKey) {
        Optional<Path> local = store.localFile(storeKey);
        try {
            if (local.isPresent()) {
                return Inspection.of(probe.probe(local.get()).toJson().toString());
            }
            Path copy = Files.createTempFile("openvod-probe-", ".media");
            try {
                long size = store.stat(storeKey).orElseThrow().size();
                try (InputStream in = store.read(storeKey, 0, size)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                return Inspection.of(probe.probe(copy).toJson().toString());
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (MediaException e) {
            return Inspection.failed(e.error().code() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + storeKey + " for probing", e);
        }
    }
}
