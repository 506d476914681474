package io.openvod.server.dev;

import io.openvod.core.files.OwnerOnly;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Writes the dev stack's state files, which hold keys: readable by their owner only, replaced atomically. */
final class OwnerOnlyFile {
    private OwnerOnlyFile() {
    }

    static void write(Path file, String content) {
        try {
            OwnerOnly.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
