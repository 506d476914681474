package io.openvod.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session records on disk: round trip, removal, an unreadable record, an owner-only directory. */
class DirectorySessionStoreTest {
    private static final String KEY = "a".repeat(64);

    @TempDir
    Path dir;

    @Test
    void aRecordIsSavedLoadedAndRemoved() {
        DirectorySessionStore store = new DirectorySessionStore(dir.resolve("uploads"));
        store.save(KEY, new SessionRecord("session-key", null, 1L << 20, false));
        assertThat(store.load(KEY)).contains(new SessionRecord("session-key", null, 1L << 20, false));

        store.save(KEY, new SessionRecord("session-key", "upload-1", 1L << 20, true));
        assertThat(store.load(KEY)).contains(new SessionRecord("session-key", "upload-1", 1L << 20, true));

        store.remove(KEY);
        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void anUnreadableRecordCountsAsAbsent() throws Exception {
        DirectorySessionStore store = new DirectorySessionStore(dir);
        Files.writeString(dir.resolve(KEY + ".properties"), "partSize=not-a-number\n");

        assertThat(store.load(KEY)).isEmpty();
    }

    @Test
    void theDirectoryItCreatesIsTheOwnersOnly() throws Exception {
        Path uploads = dir.resolve("home").resolve("uploads");
        new DirectorySessionStore(uploads).save(KEY, new SessionRecord("s", null, 1L << 20, false));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(uploads))).isEqualTo("rwx------");
    }
}
