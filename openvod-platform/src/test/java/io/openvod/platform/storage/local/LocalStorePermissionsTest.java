package io.openvod.platform.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.storage.RangeAssembly;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local object store's folders are 0700 and its objects, parts and drafts 0600. */
class LocalStorePermissionsTest {
    @TempDir
    Path dir;

    @Test
    void objectsPartsAndDraftsAreOwnerOnly() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path root = dir.resolve("store/objects-root");
        LocalDiskObjectStore store = LocalDiskObjectStore.open(root);
        store.put("bucket-1/a/b/original.mp4", new ByteArrayInputStream(bytes("original")), 8);
        store.put("_parts/upload-1/00001", new ByteArrayInputStream(bytes("part")), 4);
        RangeAssembly assembly = store.rangeAssembly().orElseThrow();
        assembly.writeRange("_d/draft-in-progress", 0, new ByteArrayInputStream(bytes("abcd")), 4);
        assembly.writeRange("_d/draft", 0, new ByteArrayInputStream(bytes("abcd")), 4);
        assembly.publish("_d/draft", "bucket-1/published.mp4", 4);
        store.compose("bucket-1/composed.mp4", List.of("bucket-1/a/b/original.mp4", "bucket-1/published.mp4"));

        List<String> open = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(dir.resolve("store"))) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                boolean folder = Files.isDirectory(p);
                files += folder ? 0 : 1;
                if (!permissions.equals(folder ? "rwx------" : "rw-------")) {
                    open.add(dir.relativize(p) + " " + permissions);
                }
            }
        }
        assertThat(files).as("original, part, draft, published, composed").isGreaterThanOrEqualTo(5);
        assertThat(open).isEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
