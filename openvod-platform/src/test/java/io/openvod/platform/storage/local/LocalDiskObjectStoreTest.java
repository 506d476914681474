package io.openvod.platform.storage.local;

import static io.openvod.platform.storage.StorageTestData.bytes;
import static io.openvod.platform.storage.StorageTestData.expectError;
import static io.openvod.platform.storage.StorageTestData.readAll;
import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.storage.ObjectStore;
import io.openvod.platform.storage.ObjectStoreContract;
import io.openvod.platform.storage.StorageError;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("store");
    }

    @Override
    protected ObjectStore newStore() {
        return LocalDiskObjectStore.open(root());
    }

    @Test
    void objectsShouldBeFilesUnderObjects() throws Exception {
        byte[] data = bytes(100, 1);
        put("media/a.mp4", data);

        Path file = root().resolve("objects/media/a.mp4").toRealPath();
        assertThat(store.localFile("media/a.mp4")).hasValueSatisfying(path -> {
            assertThat(path).isEqualTo(file);
            assertThat(path).hasBinaryContent(data);
        });
        assertThat(store.localFile("media/b.mp4")).isEmpty();
        assertThat(store.describe()).contains(root().toRealPath().toString());
    }

    @Test
    void aFailedPutShouldLeaveNoTemporaryFile() throws Exception {
        expectError(() -> store.put("x", new ByteArrayInputStream(bytes(500_000, 2)), 600_000), StorageError.BODY_INCOMPLETE);

        assertThat(root().resolve("tmp")).isEmptyDirectory();
        assertThat(Files.exists(root().resolve("objects/x"))).isFalse();
    }

    @Test
    void aComposeThatFailsShouldLeaveNoTemporaryFile() {
        put("a", bytes(10, 3));

        expectError(() -> store.compose("c", List.of("a", "b")), StorageError.OBJECT_NOT_FOUND);

        assertThat(root().resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void openingShouldDeleteLeftoverTemporaryFiles() throws Exception {
        Path leftover = Files.writeString(root().resolve("tmp/object-123.tmp"), "half an upload");

        try (ObjectStore reopened = LocalDiskObjectStore.open(root())) {
            assertThat(leftover).doesNotExist();
            assertThat(reopened.list("")).isEmpty();
        }
    }

    @Test
    void aLinkedFolderShouldNeitherBeReadNorWrittenThrough() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "do not read");
        Files.createSymbolicLink(root().resolve("objects/evil"), outside);

        expectError(() -> store.read("evil/secret", 0, 1), StorageError.OBJECT_NOT_FOUND);
        assertThat(store.stat("evil/secret")).isEmpty();
        assertThat(store.localFile("evil/secret")).isEmpty();
        assertThat(store.delete("evil/secret")).isFalse();
        assertThat(store.list("")).isEmpty();
        assertThat(store.list("evil/")).isEmpty();
        expectError(() -> put("evil/new", bytes(10, 4)), StorageError.STORAGE_FAILED);
        expectError(() -> put("evil/deeper/new", bytes(10, 4)), StorageError.STORAGE_FAILED);

        assertThat(outside.resolve("secret")).hasContent("do not read");
        try (var files = Files.list(outside)) {
            assertThat(files).containsExactly(outside.resolve("secret"));
        }
        assertThat(root().resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void aLinkedFileShouldNotBeAnObjectAndAPutShouldReplaceTheLinkOnly() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep me");
        Files.createSymbolicLink(root().resolve("objects/link"), outside);

        expectError(() -> store.read("link", 0, 1), StorageError.OBJECT_NOT_FOUND);
        expectError(() -> store.compose("copy", List.of("link")), StorageError.OBJECT_NOT_FOUND);
        put("link", bytes(10, 5));

        assertThat(Files.isSymbolicLink(root().resolve("objects/link"))).isFalse();
        assertThat(outside).hasContent("keep me");
        assertThat(readAll(store.read("link", 0, 10))).isEqualTo(bytes(10, 5));
    }

    @Test
    void anObjectAndAFolderOfObjectsCannotShareAKey() {
        put("a", bytes(10, 6));
        put("x/y", bytes(10, 7));

        expectError(() -> put("a/b", bytes(10, 8)), StorageError.KEY_CONFLICT);
        expectError(() -> put("x", bytes(10, 9)), StorageError.KEY_CONFLICT);
        expectError(() -> store.compose("x", List.of("a")), StorageError.KEY_CONFLICT);

        assertThat(store.stat("x")).isEmpty();
        assertThat(store.list("")).containsExactly("a", "x/y");
        assertThat(root().resolve("tmp")).isEmptyDirectory();
    }

    @Test
    void deleteShouldPruneEmptyFolders() {
        put("u/1/p", bytes(10, 10));
        put("u/2/p", bytes(10, 11));

        store.delete("u/1/p");

        assertThat(root().resolve("objects/u/1")).doesNotExist();
        assertThat(root().resolve("objects/u/2")).isDirectory();
        put("u/1/p", bytes(10, 12));
        assertThat(store.list("u/")).containsExactly("u/1/p", "u/2/p");
    }

    @Test
    void aRootThatIsAFileShouldFailToOpen() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        expectError(() -> LocalDiskObjectStore.open(file), StorageError.STORAGE_FAILED);
    }
}
