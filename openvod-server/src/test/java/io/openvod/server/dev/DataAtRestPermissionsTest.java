package io.openvod.server.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.media.TestClips;
import io.openvod.server.config.OpenVodConfig;
import io.openvod.server.testing.ReviewSidecar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything OpenVOD writes for a full flow — both databases with their WAL and shared-memory
 * files, the object store (originals, parts, transcodes, covers), {@code openvod dev}'s state —
 * is readable by its owner only: files 0600 or stricter, folders 0700. Checked while the services
 * run (SQLite's -wal and -shm exist then) and after they stopped.
 */
class DataAtRestPermissionsTest {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    @TempDir
    Path dir;

    @Test
    void everyDataFileIsOwnerOnlyAfterAnUploadFlowsToTheApp() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        ReviewSidecar.use();
        byte[] clip = Files.readAllBytes(TestClips.mp4(dir.resolve("clip.mp4"), Duration.ofSeconds(2), 320, 240));
        Path data = dir.resolve("data");
        OpenVodConfig config = DevUploads.config(data);
        Path state = data.resolve(".openvod");
        try (DevStack dev = DevStack.start(config, state, Clock.systemUTC())) {
            String fileId = DevUploads.uploadAsDemo(dev, clip, "mp4");
            DevUploads.awaitPublished(dev, fileId, Duration.ofSeconds(90));

            List<Path> walked = assertOwnerOnly(data);
            assertThat(walked).as("the walk saw the databases' WAL files, objects and the dev state")
                    .anyMatch(p -> p.getFileName().toString().equals("platform.db-wal"))
                    .anyMatch(p -> p.getFileName().toString().equals("app.db-shm"))
                    .anyMatch(p -> p.getFileName().toString().equals("dev.json"))
                    .anyMatch(p -> p.startsWith(data.resolve("objects")) && Files.isRegularFile(p));
        }
        assertOwnerOnly(data);
    }

    /** Walks {@code root}, asserting every folder is 0700 and no file is open to group or others; answers what it saw. */
    private static List<Path> assertOwnerOnly(Path root) throws IOException {
        List<Path> seen = new ArrayList<>();
        List<String> open = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Set<PosixFilePermission> permissions;
                try {
                    permissions = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // a temporary file that went away during the walk
                }
                seen.add(p);
                String text = PosixFilePermissions.toString(permissions);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? !text.equals("rwx------")
                        : permissions.stream().anyMatch(OTHERS::contains)) {
                    open.add(root.relativize(p) + " " + text);
                }
            }
        }
        assertThat(open).as("files and folders open to others under " + root).isEmpty();
        return seen;
    }
}
