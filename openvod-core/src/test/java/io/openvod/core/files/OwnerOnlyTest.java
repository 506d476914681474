package io.openvod.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;

/** Folders and files created owner-only; folders that were there already are left alone. */
class OwnerOnlyTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        Assumptions.assumeTrue(OwnerOnly.isPosix(dir), "POSIX permissions");
    }

    private static String permissions(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void missingFoldersAreCreated0700AndExistingOnesKept() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Path deep = shared.resolve("a/b/c");
        assertThat(OwnerOnly.createDirectories(deep)).isEqualTo(deep);
        assertThat(permissions(shared)).as("not OpenVOD's").isEqualTo("rwxr-xr-x");
        assertThat(permissions(shared.resolve("a"))).isEqualTo("rwx------");
        assertThat(permissions(shared.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(permissions(deep)).isEqualTo("rwx------");
        assertThat(OwnerOnly.createDirectories(deep)).as("existing: no error").isEqualTo(deep);
    }

    @Test
    void filesAreCreated0600AndExistingOnesRestricted() throws Exception {
        Path fresh = OwnerOnly.createFile(dir.resolve("fresh.db"));
        assertThat(permissions(fresh)).isEqualTo("rw-------");
        Path old = Files.createFile(dir.resolve("old.db"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.writeString(old, "kept");
        OwnerOnly.createFile(old);
        assertThat(permissions(old)).isEqualTo("rw-------");
        assertThat(Files.readString(old)).isEqualTo("kept");
    }

    @Test
    void writtenFilesReplaceAtomicallyOwnerOnly() throws Exception {
        Path file = dir.resolve("state/dev.json");
        OwnerOnly.writeString(file, "one");
        OwnerOnly.writeString(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
        assertThat(permissions(file)).isEqualTo("rw-------");
        assertThat(permissions(file.getParent())).isEqualTo("rwx------");
        assertThat(file.resolveSibling("dev.json.tmp")).doesNotExist();
    }
}
